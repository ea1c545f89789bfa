import CGDAL

/// Constructive operations (GEOS through GDAL) and access to a polygon's rings, for maps.
extension Geometry {
    /// The area within `distance` of this geometry (coordinate units), with `segments` per quarter circle.
    public func buffered(_ distance: Double, segments: Int = 8) -> Geometry? {
        guard let h = OGR_G_Buffer(handle, distance, Int32(segments)) else { CPLErrorReset(); return nil }
        return Geometry(owning: h)
    }

    /// The union of several geometries (cascaded union: fast for many overlapping parts).
    public static func union(_ parts: [Geometry]) -> Geometry? {
        GDALRuntime.ensureInitialised()
        guard !parts.isEmpty else { return nil }
        let collection = OGR_G_CreateGeometry(wkbMultiPolygon)!
        defer { OGR_G_DestroyGeometry(collection) }
        for part in parts {
            for polygon in part.polygons() { OGR_G_AddGeometry(collection, polygon.handle) }
        }
        guard let h = OGR_G_UnionCascaded(collection) else { CPLErrorReset(); return nil }
        return Geometry(owning: h)
    }

    /// The polygons of a polygon or multipolygon (copies); empty for other kinds.
    public func polygons() -> [Geometry] {
        let type = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        if type == wkbPolygon { return [clone()] }
        guard type == wkbMultiPolygon || type == wkbGeometryCollection else { return [] }
        return (0..<OGR_G_GetGeometryCount(handle)).flatMap { i -> [Geometry] in
            let part = Geometry(owning: OGR_G_Clone(OGR_G_GetGeometryRef(handle, i))!)
            return part.polygons()
        }
    }

    /// The rings of every polygon part (exterior first, then holes), as x/y arrays, for drawing.
    public func rings() -> [[(x: Double, y: Double)]] {
        var out: [[(x: Double, y: Double)]] = []
        func walk(_ g: OGRGeometryH) {
            let count = OGR_G_GetGeometryCount(g)
            let type = OGR_GT_Flatten(OGR_G_GetGeometryType(g))
            if type == wkbLineString || type == wkbLinearRing {
                let n = Int(OGR_G_GetPointCount(g))
                var xs = [Double](repeating: 0, count: n), ys = [Double](repeating: 0, count: n)
                xs.withUnsafeMutableBytes { xb in
                    ys.withUnsafeMutableBytes { yb in
                        _ = OGR_G_GetPoints(g, xb.baseAddress, Int32(MemoryLayout<Double>.stride), yb.baseAddress,
                                            Int32(MemoryLayout<Double>.stride), nil, 0)
                    }
                }
                out.append((0..<n).map { (xs[$0], ys[$0]) })
                return
            }
            for i in 0..<count { walk(OGR_G_GetGeometryRef(g, i)) }
        }
        walk(handle)
        return out
    }
}
