import CGDAL
import Foundation

/// A vector data source opened read-only through GDAL (GeoPackage, Shapefile, GeoJSON, CSV, …).
/// Not thread-safe: use one dataset per thread.
public final class VectorDataset {
    let handle: GDALDatasetH
    public let path: String

    /// Opens `path` as a vector source: a file, or a GDAL PostgreSQL connection string
    /// ("PG:…"). `options` are GDAL open options ("KEY=VALUE").
    public init(path: String, options: [String] = []) throws {
        GDALRuntime.ensureInitialised()
        var isDirectory: ObjCBool = false
        guard path.hasPrefix("PG:") || FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw GeoError.cannotOpen(path: path, reason: "no such file")
        }
        guard path.hasPrefix("PG:") || !isDirectory.boolValue || path.hasSuffix(".gdb") else {
            throw GeoError.cannotOpen(path: path, reason: "it is a directory, not a file")
        }
        guard path.hasPrefix("PG:") || FileManager.default.isReadableFile(atPath: path) else {
            throw GeoError.cannotOpen(path: path, reason: "permission denied")
        }
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR)
        let h = withCStringArray(options) { opts in
            GDALOpenEx(path, flags, nil, UnsafeRawPointer(opts)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self), nil)
        }
        guard let h else {
            let message = String(cString: CPLGetLastErrorMsg())
            CPLErrorReset()
            if message.isEmpty || message.contains("not recognized as") {
                throw GeoError.notAVectorSource(path: path)
            }
            throw GeoError.cannotOpen(path: path, reason: message)
        }
        handle = h
        self.path = path
    }

    deinit { GDALClose(handle) }

    public var layerCount: Int { Int(GDALDatasetGetLayerCount(handle)) }

    public var layerNames: [String] {
        (0..<layerCount).compactMap { i in
            GDALDatasetGetLayer(handle, Int32(i)).map { String(cString: OGR_L_GetName($0)) }
        }
    }

    /// The named layer, or the first one when `name` is nil.
    public func layer(named name: String? = nil) throws -> Layer {
        if let name {
            guard let h = GDALDatasetGetLayerByName(handle, name) else {
                throw GeoError.noLayer(path: path, name: name)
            }
            return Layer(handle: h, dataset: self)
        }
        guard layerCount > 0, let h = GDALDatasetGetLayer(handle, 0) else {
            throw GeoError.noLayer(path: path, name: nil)
        }
        return Layer(handle: h, dataset: self)
    }

    /// The named layer; without a name the first that may hold polygons (a GeoPackage can
    /// have a point layer first), else the first.
    public func areaLayer(named name: String? = nil) throws -> Layer {
        if name != nil { return try layer(named: name) }
        for i in 0..<layerCount {
            if let h = GDALDatasetGetLayer(handle, Int32(i)) {
                let candidate = Layer(handle: h, dataset: self)
                if candidate.mayHoldPolygons { return candidate }
            }
        }
        return try layer()
    }

    /// Short driver name, e.g. "GPKG", "GeoJSON", "CSV".
    public var driverName: String {
        guard let driver = GDALGetDatasetDriver(handle) else { return "unknown" }
        return String(cString: GDALGetDriverShortName(driver))
    }
}

/// Calls `body` with a NULL-terminated C array of C strings (GDAL's CSL lists).
func withCStringArray<R>(_ strings: [String],
                         _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) throws -> R) rethrows -> R {
    if strings.isEmpty { return try body(nil) }
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { pointers.forEach { free($0) } }
    return try pointers.withUnsafeMutableBufferPointer { try body($0.baseAddress) }
}
