/// Errors from the GDAL layer, carrying GDAL's own message where there is one.
public enum GeoError: Error, CustomStringConvertible, Equatable {
    case cannotOpen(path: String, reason: String)
    case notAVectorSource(path: String)
    case noLayer(path: String, name: String?)
    case noSpatialReference(path: String)
    case invalidSpatialReference(String, reason: String)
    case gdal(operation: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open \(path): \(reason)"
        case let .notAVectorSource(path):
            return "\(path) is not a vector source GDAL can read (expected GeoPackage, Shapefile, GeoJSON, CSV, …)"
        case let .noLayer(path, name):
            if let name { return "\(path) has no layer named '\(name)'" }
            return "\(path) has no layers"
        case let .noSpatialReference(path):
            return "\(path) does not say which coordinate system it uses (no .prj / CRS); pass --srs, e.g. --srs EPSG:28992"
        case let .invalidSpatialReference(text, reason):
            return "unknown coordinate system '\(text)': \(reason)"
        case let .gdal(operation, message):
            return "GDAL failed to \(operation): \(message)"
        }
    }
}
