/// Finds the polygon that contains a point, among many (buurten for the points of postcodes).
/// Envelopes filter first; GEOS decides (a point on a shared edge goes to the first area).
public final class AreaFinder {
    private let codes: [String]
    private let shapes: [Geometry]
    private let envelopes: [(minX: Double, minY: Double, maxX: Double, maxY: Double)]

    public init(_ areas: [(code: String, shape: Geometry)]) {
        codes = areas.map(\.code)
        shapes = areas.map(\.shape)
        envelopes = areas.map(\.shape.envelope)
    }

    /// The code of the area containing (x, y), in the shapes' coordinate system; nil outside all.
    public func area(containingX x: Double, y: Double) -> String? {
        var point: Geometry?
        for i in envelopes.indices {
            let e = envelopes[i]
            guard x >= e.minX, x <= e.maxX, y >= e.minY, y <= e.maxY else { continue }
            let p = point ?? Geometry.point(x: x, y: y)
            point = p
            if shapes[i].touchesOrIntersects(p) { return codes[i] }
        }
        return nil
    }
}
