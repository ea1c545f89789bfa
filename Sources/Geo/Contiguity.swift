import CGDAL

/// Neighbours between polygons, for spatial statistics.
public enum Contiguity {
    /// Queen contiguity: two polygons are neighbours when they share at least one point, or
    /// come within `tolerance` of each other (simplified boundaries leave slivers and gaps of a
    /// few metres between areas that touch in reality). Candidates are found by a sweep over
    /// bounding boxes; nil geometries have no neighbours. Returns sorted neighbour indices.
    public static func queen(_ geometries: [Geometry?], tolerance: Double = 10) -> [[Int]] {
        let boxes = geometries.map { $0?.envelope }
        let order = geometries.indices.filter { boxes[$0] != nil }.sorted { boxes[$0]!.minX < boxes[$1]!.minX }
        var neighbours = [[Int]](repeating: [], count: geometries.count)
        for (k, i) in order.enumerated() {
            let a = boxes[i]!
            var l = k + 1
            while l < order.count, boxes[order[l]]!.minX <= a.maxX + tolerance {
                let j = order[l]
                let b = boxes[j]!
                l += 1
                guard b.minY <= a.maxY + tolerance, b.maxY >= a.minY - tolerance else { continue }
                let gi = geometries[i]!, gj = geometries[j]!
                if OGR_G_Intersects(gi.handle, gj.handle) != 0 || (tolerance > 0 && gi.distance(to: gj) <= tolerance) {
                    neighbours[i].append(j)
                    neighbours[j].append(i)
                }
            }
        }
        return neighbours.map { $0.sorted() }
    }
}
