import CGDAL

/// Neighbours between polygons, for spatial statistics.
public enum Contiguity {
    /// Queen contiguity: two polygons are neighbours when they share at least one point, or
    /// come within `tolerance` of each other (simplified boundaries leave slivers and gaps of a
    /// few metres between areas that touch in reality). Candidates are found by a sweep over
    /// bounding boxes, tested with `map` (the caller's data-parallel map, e.g. Atlas's
    /// `Parallel.map`: Geo knows only GDAL; sequential by default); nil geometries have no
    /// neighbours. Returns sorted neighbour indices.
    public static func queen(_ geometries: [Geometry?], tolerance: Double = 10,
                             map: (Int, @Sendable (Int) -> [Int]) -> [[Int]] = { n, body in (0..<n).map(body) }) -> [[Int]] {
        let boxes = geometries.map { $0.map { Box($0.envelope) } }
        let order = geometries.indices.filter { boxes[$0] != nil }.sorted { boxes[$0]!.minX < boxes[$1]!.minX }
        let shared = ReadOnlyGeometries(geometries: geometries)
        // For each polygon in sweep order: its neighbours further along the sweep.
        let later = map(order.count) { k -> [Int] in
            let i = order[k]
            let a = boxes[i]!
            var found: [Int] = []
            // Prepared once for all its candidates, on this thread, when it has any.
            var prepared: PreparedGeometry??
            var l = k + 1
            while l < order.count, boxes[order[l]]!.minX <= a.maxX + tolerance {
                let j = order[l]
                let b = boxes[j]!
                l += 1
                guard b.minY <= a.maxY + tolerance, b.maxY >= a.minY - tolerance else { continue }
                if prepared == nil { prepared = .some(shared.prepared(i)) }
                if shared.touch(i, j, prepared: prepared!, tolerance: tolerance) { found.append(j) }
            }
            return found
        }
        var neighbours = [[Int]](repeating: [], count: geometries.count)
        for (k, js) in later.enumerated() {
            for j in js {
                neighbours[order[k]].append(j)
                neighbours[j].append(order[k])
            }
        }
        return neighbours.map { $0.sorted() }
    }

    private struct Box: Sendable {
        var minX, minY, maxX, maxY: Double
        init(_ e: (minX: Double, minY: Double, maxX: Double, maxY: Double)) {
            (minX, minY, maxX, maxY) = (e.minX, e.minY, e.maxX, e.maxY)
        }
    }

    /// The polygons, shared by the sweep's threads. Only read: GDAL's GEOS predicates convert
    /// a geometry without changing it, in a GEOS context of their own per call (a prepared
    /// geometry has its own, and stays on the thread that made it).
    private struct ReadOnlyGeometries: @unchecked Sendable {
        let geometries: [Geometry?]

        func prepared(_ i: Int) -> PreparedGeometry? { PreparedGeometry(geometries[i]!) }

        func touch(_ i: Int, _ j: Int, prepared: PreparedGeometry?, tolerance: Double) -> Bool {
            let gi = geometries[i]!, gj = geometries[j]!
            let intersects = prepared.map { $0.intersects(gj) } ?? (OGR_G_Intersects(gi.handle, gj.handle) != 0)
            return intersects || (tolerance > 0 && gi.distance(to: gj) <= tolerance)
        }
    }
}
