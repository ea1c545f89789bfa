import CGDAL

/// An owned OGR spatial reference, always in traditional GIS axis order (x = easting/longitude).
public final class SpatialReference: @unchecked Sendable {
    let handle: OGRSpatialReferenceH

    /// The Dutch national grid, RD New, in metres: the store's coordinate system.
    public static let rdNewEPSG: Int32 = 28992

    public init(epsg: Int32) throws {
        GDALRuntime.ensureInitialised()
        guard let h = OSRNewSpatialReference(nil) else {
            throw GeoError.gdal(operation: "create a spatial reference", message: "out of memory")
        }
        guard OSRImportFromEPSG(h, epsg) == OGRERR_NONE else {
            OSRDestroySpatialReference(h)
            throw GeoError.invalidSpatialReference(
                "EPSG:\(epsg)", reason: GDALRuntime.takeLastErrorMessage(default: "not in the EPSG database"))
        }
        OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
        handle = h
    }

    /// Parses any definition GDAL understands: "EPSG:4326", WKT, PROJ strings.
    public init(definition: String) throws {
        GDALRuntime.ensureInitialised()
        guard let h = OSRNewSpatialReference(nil) else {
            throw GeoError.gdal(operation: "create a spatial reference", message: "out of memory")
        }
        guard OSRSetFromUserInput(h, definition) == OGRERR_NONE else {
            OSRDestroySpatialReference(h)
            throw GeoError.invalidSpatialReference(
                definition, reason: GDALRuntime.takeLastErrorMessage(default: "not understood"))
        }
        OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
        handle = h
    }

    /// Takes a clone of a reference owned by someone else (a layer).
    init?(cloning borrowed: OGRSpatialReferenceH?) {
        guard let borrowed, let h = OSRClone(borrowed) else { return nil }
        OSRSetAxisMappingStrategy(h, OAMS_TRADITIONAL_GIS_ORDER)
        handle = h
    }

    deinit { OSRDestroySpatialReference(handle) }

    public func isSame(as other: SpatialReference) -> Bool {
        OSRIsSame(handle, other.handle) != 0
    }

    /// "EPSG:28992" when the reference is identified by an authority code, else its name.
    public var identifier: String {
        if let auth = OSRGetAuthorityName(handle, nil), let code = OSRGetAuthorityCode(handle, nil) {
            return "\(String(cString: auth)):\(String(cString: code))"
        }
        if let name = OSRGetName(handle) { return String(cString: name) }
        return "unknown"
    }
}

/// An owned coordinate transformation between two spatial references.
public final class CoordinateTransform {
    let handle: OGRCoordinateTransformationH

    public init(from source: SpatialReference, to target: SpatialReference) throws {
        GDALRuntime.ensureInitialised()
        guard let h = OCTNewCoordinateTransformation(source.handle, target.handle) else {
            throw GeoError.gdal(operation: "transform \(source.identifier) to \(target.identifier)",
                                message: GDALRuntime.takeLastErrorMessage(default: "no transformation"))
        }
        handle = h
    }

    deinit { OCTDestroyCoordinateTransformation(handle) }

    /// Transforms one point (x, y).
    public func transform(x: Double, y: Double) throws -> (x: Double, y: Double) {
        var xs = x, ys = y, zs = 0.0
        guard OCTTransform(handle, 1, &xs, &ys, &zs) != 0 else {
            throw GeoError.gdal(operation: "transform the point (\(x), \(y))",
                                message: GDALRuntime.takeLastErrorMessage(default: "outside the projection's domain"))
        }
        return (xs, ys)
    }
}
