import CGDAL

/// An owned OGR geometry. Every operation that makes a new geometry returns a new owned value.
public final class Geometry {
    let handle: OGRGeometryH

    init(owning handle: OGRGeometryH) { self.handle = handle }

    deinit { OGR_G_DestroyGeometry(handle) }

    /// Parses well-known binary (either byte order).
    public convenience init(wkb: [UInt8]) throws {
        GDALRuntime.ensureInitialised()
        var out: OGRGeometryH? = nil
        let err = wkb.withUnsafeBufferPointer { buf in
            OGR_G_CreateFromWkb(UnsafeMutableRawPointer(mutating: buf.baseAddress), nil, &out, Int32(buf.count))
        }
        guard err == OGRERR_NONE, let out else {
            throw GeoError.gdal(operation: "read WKB geometry",
                                message: GDALRuntime.takeLastErrorMessage(default: "malformed WKB (OGR error \(err))"))
        }
        self.init(owning: out)
    }

    /// Parses well-known text, e.g. "POLYGON ((0 0, 1 0, 1 1, 0 0))".
    public convenience init(wkt: String) throws {
        GDALRuntime.ensureInitialised()
        var out: OGRGeometryH? = nil
        let err = wkt.withCString { cstr -> OGRErr in
            var cursor: UnsafeMutablePointer<CChar>? = UnsafeMutablePointer(mutating: cstr)
            return OGR_G_CreateFromWkt(&cursor, nil, &out)
        }
        guard err == OGRERR_NONE, let out else {
            throw GeoError.gdal(operation: "read WKT geometry",
                                message: GDALRuntime.takeLastErrorMessage(default: "malformed WKT (OGR error \(err))"))
        }
        self.init(owning: out)
    }

    /// A point geometry.
    public static func point(x: Double, y: Double) -> Geometry {
        GDALRuntime.ensureInitialised()
        let h = OGR_G_CreateGeometry(wkbPoint)!
        OGR_G_SetPoint_2D(h, 0, x, y)
        return Geometry(owning: h)
    }

    public var typeName: String { String(cString: OGR_G_GetGeometryName(handle)) }
    public var isEmpty: Bool { OGR_G_IsEmpty(handle) != 0 }
    /// True for polygons and multipolygons (the shapes areas may have).
    public var isPolygonal: Bool {
        let flat = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        return flat == wkbPolygon || flat == wkbMultiPolygon
    }

    /// Validity by GEOS's rules (no self-intersections, closed rings, …).
    public var isValid: Bool {
        let ok = OGR_G_IsValid(handle) != 0
        CPLErrorReset()
        return ok
    }

    /// A repaired copy (GEOS MakeValid), or nil when GDAL cannot repair it.
    public func madeValid() -> Geometry? {
        guard let h = OGR_G_MakeValid(handle) else { CPLErrorReset(); return nil }
        return Geometry(owning: h)
    }

    /// A copy with polygons only (MakeValid can return collections with lines), as a multipolygon.
    public func polygonalPart() -> Geometry? {
        let flat = OGR_GT_Flatten(OGR_G_GetGeometryType(handle))
        if flat == wkbPolygon || flat == wkbMultiPolygon { return clone() }
        guard flat == wkbGeometryCollection else { return nil }
        let multi = OGR_G_CreateGeometry(wkbMultiPolygon)!
        for i in 0..<OGR_G_GetGeometryCount(handle) {
            guard let part = OGR_G_GetGeometryRef(handle, i) else { continue }
            let partType = OGR_GT_Flatten(OGR_G_GetGeometryType(part))
            if partType == wkbPolygon {
                OGR_G_AddGeometry(multi, part)
            } else if partType == wkbMultiPolygon {
                for j in 0..<OGR_G_GetGeometryCount(part) {
                    if let poly = OGR_G_GetGeometryRef(part, j) { OGR_G_AddGeometry(multi, poly) }
                }
            }
        }
        if OGR_G_GetGeometryCount(multi) == 0 { OGR_G_DestroyGeometry(multi); return nil }
        return Geometry(owning: multi)
    }

    public func clone() -> Geometry { Geometry(owning: OGR_G_Clone(handle)) }

    /// Planar area in the units of the coordinate system squared (m² in EPSG:28992).
    public var area: Double { OGR_G_Area(handle) }

    /// Centre of mass; may lie outside a concave area.
    public func centroid() throws -> (x: Double, y: Double) {
        let point = OGR_G_CreateGeometry(wkbPoint)!
        defer { OGR_G_DestroyGeometry(point) }
        guard OGR_G_Centroid(handle, point) == OGRERR_NONE else {
            throw GeoError.gdal(operation: "compute a centroid",
                                message: GDALRuntime.takeLastErrorMessage(default: "empty geometry"))
        }
        return (OGR_G_GetX(point, 0), OGR_G_GetY(point, 0))
    }

    /// A point guaranteed to lie inside the geometry (GEOS PointOnSurface).
    public func pointOnSurface() throws -> (x: Double, y: Double) {
        guard let point = OGR_G_PointOnSurface(handle) else {
            throw GeoError.gdal(operation: "compute a point on the surface",
                                message: GDALRuntime.takeLastErrorMessage(default: "empty or invalid geometry"))
        }
        defer { OGR_G_DestroyGeometry(point) }
        guard OGR_G_IsEmpty(point) == 0 else {
            throw GeoError.gdal(operation: "compute a point on the surface", message: "the geometry is empty")
        }
        return (OGR_G_GetX(point, 0), OGR_G_GetY(point, 0))
    }

    /// Euclidean distance to another geometry (0 when they touch or overlap).
    public func distance(to other: Geometry) -> Double { OGR_G_Distance(handle, other.handle) }

    public func touchesOrIntersects(_ other: Geometry) -> Bool { OGR_G_Intersects(handle, other.handle) != 0 }

    /// Reprojects in place.
    public func transform(with transform: CoordinateTransform) throws {
        let err = OGR_G_Transform(handle, transform.handle)
        guard err == OGRERR_NONE else {
            throw GeoError.gdal(operation: "reproject a geometry",
                                message: GDALRuntime.takeLastErrorMessage(default: "OGR error \(err)"))
        }
    }

    /// A simplified copy that keeps the topology valid (tolerance in coordinate units).
    public func simplified(tolerance: Double) -> Geometry? {
        guard let h = OGR_G_SimplifyPreserveTopology(handle, tolerance) else { CPLErrorReset(); return nil }
        return Geometry(owning: h)
    }

    /// A Douglas–Peucker simplified copy for drawing: several times faster than
    /// `simplified(tolerance:)`, but the result may self-intersect; nil when the shape would
    /// collapse (draw the original then).
    public func simplifiedForDrawing(tolerance: Double) -> Geometry? {
        guard let h = OGR_G_Simplify(handle, tolerance) else { CPLErrorReset(); return nil }
        let g = Geometry(owning: h)
        return g.isEmpty ? nil : g
    }

    /// Well-known binary, little-endian (ISO flavour).
    public func wkb() -> [UInt8] {
        let size = Int(OGR_G_WkbSize(handle))
        var bytes = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeMutableBufferPointer { buf in
            _ = OGR_G_ExportToIsoWkb(handle, wkbNDR, buf.baseAddress)
        }
        return bytes
    }

    public func wkt() -> String {
        var out: UnsafeMutablePointer<CChar>? = nil
        guard OGR_G_ExportToIsoWkt(handle, &out) == OGRERR_NONE, let out else { return "" }
        defer { VSIFree(out) }
        return String(cString: out)
    }

    /// Bounding box (minX, minY, maxX, maxY).
    public var envelope: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        var env = OGREnvelope()
        OGR_G_GetEnvelope(handle, &env)
        return (env.MinX, env.MinY, env.MaxX, env.MaxY)
    }
}
