import CGDAL

/// A geometry prepared for repeated predicates (GDAL's `OGRCreatePreparedGeometry`, GEOS's
/// prepared geometries): converted to GEOS once and indexed, so that testing it against many
/// others does not convert it again for every test. Use it on one thread (it holds a GEOS
/// context of its own); freed in `deinit`.
public final class PreparedGeometry {
    private let handle: OGRPreparedGeometryH
    /// Kept alive for as long as the prepared form exists.
    private let geometry: Geometry

    /// nil when GDAL was built without GEOS or the geometry cannot be prepared.
    public init?(_ geometry: Geometry) {
        guard OGRHasPreparedGeometrySupport() != 0, let handle = OGRCreatePreparedGeometry(geometry.handle) else { return nil }
        self.handle = handle
        self.geometry = geometry
    }

    deinit { OGRDestroyPreparedGeometry(handle) }

    /// Whether the geometries share at least one point (the same answer as `OGR_G_Intersects`).
    public func intersects(_ other: Geometry) -> Bool { OGRPreparedGeometryIntersects(handle, other.handle) != 0 }
}
