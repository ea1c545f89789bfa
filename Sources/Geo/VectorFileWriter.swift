import CGDAL
import Foundation

/// Writes a vector file (GeoPackage, XLSX, … any GDAL driver that can create) atomically:
/// everything goes to a temporary file next to the target, which replaces the target only on
/// `commit()`. A writer dropped without commit removes its temporary file, so a failed run
/// never leaves a half-written file behind.
public final class VectorFileWriter: VectorSink {
    private var handle: GDALDatasetH?
    public let path: String
    private let temporaryPath: String
    private var openLayer: LayerWriter?
    private let transactions: Bool

    /// `driver` is a GDAL short name: "GPKG" (default) or "XLSX".
    /// `.<name>.tmp-<pid>.<ext>` beside `path`: the one temporary name of every output file
    /// (Reports' text files use it too, so that a killed run's leftovers are recognised).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.deletingPathExtension().lastPathComponent).tmp-\(getpid()).\(url.pathExtension)").path
    }

    public init(path: String, driver driverName: String = "GPKG") throws {
        GDALRuntime.ensureInitialised()
        self.path = path
        temporaryPath = VectorFileWriter.temporaryPath(for: path)
        try? FileManager.default.removeItem(atPath: temporaryPath)
        guard let driver = GDALGetDriverByName(driverName) else {
            throw GeoError.gdal(operation: "find the \(driverName) driver", message: "GDAL was built without \(driverName)")
        }
        guard let h = GDALCreate(driver, temporaryPath, 0, 0, 0, GDT_Unknown, nil) else {
            throw GeoError.gdal(operation: "create \(path)",
                                message: GDALRuntime.takeLastErrorMessage(default: "cannot create the file"))
        }
        handle = h
        transactions = GDALDatasetTestCapability(h, ODsCTransactions) != 0
    }

    deinit {
        if let handle {
            GDALClose(handle)
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Starts a new layer; the previous layer's transaction is committed first.
    /// `fidColumn` names the primary key column (GeoPackage; default "fid").
    public func addLayer(name: String, spatialReference: SpatialReference?, geometryKind: GeometryKind,
                         fields: [FieldDefinition], fidColumn: String? = nil) throws -> LayerWriter {
        guard let handle else { throw GeoError.gdal(operation: "add a layer", message: "writer already closed") }
        try openLayer?.finish()
        var options: [String] = []
        if GDALGetDriverShortName(GDALGetDatasetDriver(handle)).map({ String(cString: $0) }) == "GPKG" {
            if geometryKind != .none { options.append("SPATIAL_INDEX=YES") }
            if let fidColumn { options.append("FID=\(fidColumn)") }
        }
        let writer = try LayerWriter.create(in: handle, name: name, spatialReference: spatialReference,
                                            geometryKind: geometryKind, fields: fields, options: options,
                                            transaction: transactions)
        openLayer = writer
        return writer
    }

    /// The QGIS styles, as the `layer_styles` table QGIS reads from a GeoPackage (the first
    /// style of each table is its default).
    public func addStyles(_ styles: [LayerStyle]) throws {
        guard !styles.isEmpty else { return }
        let layer = try addLayer(name: "layer_styles", spatialReference: nil, geometryKind: .none,
                                 fields: LayerStyle.fields, fidColumn: "id")
        for row in LayerStyle.rows(styles, schema: "") { try layer.add(row, geometry: nil) }
    }

    /// Finishes the last layer, closes the file and moves it into place.
    public func commit() throws {
        guard let h = handle else { return }
        try openLayer?.finish()
        openLayer = nil
        handle = nil
        CPLErrorReset()
        GDALClose(h)  // returns void in GDAL 3.6; a failed flush is reported through CPLError
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            let message = GDALRuntime.takeLastErrorMessage(default: "closing failed")
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw GeoError.gdal(operation: "write \(path)", message: message)
        }
        // rename(2) replaces the target atomically: readers see the old file or the new one.
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw GeoError.gdal(operation: "move the finished file to \(path)", message: reason)
        }
    }
}

public enum GeometryKind: Sendable { case point, multiPolygon, none }

/// Appends features to one layer of a `VectorFileWriter`.
public final class LayerWriter {
    private let dataset: GDALDatasetH
    private let layer: OGRLayerH
    private let fieldCount: Int
    private let geometryKind: GeometryKind
    private let transaction: Bool
    private var finished = false
    public private(set) var written = 0

    init(dataset: GDALDatasetH, layer: OGRLayerH, fieldCount: Int, geometryKind: GeometryKind, transaction: Bool) {
        self.transaction = transaction
        self.dataset = dataset
        self.layer = layer
        self.fieldCount = fieldCount
        self.geometryKind = geometryKind
    }

    /// Creates layer `name` with `fields` in an open dataset (GDAL layer creation `options`) and,
    /// with `transaction`, starts the dataset transaction its features are written in.
    static func create(in dataset: GDALDatasetH, name: String, spatialReference: SpatialReference?,
                       geometryKind: GeometryKind, fields: [FieldDefinition], options: [String],
                       transaction: Bool) throws -> LayerWriter {
        let geomType: OGRwkbGeometryType
        switch geometryKind {
        case .point: geomType = wkbPoint
        case .multiPolygon: geomType = wkbMultiPolygon
        case .none: geomType = wkbNone
        }
        let layer = try withCStringArray(options) { opts -> OGRLayerH in
            guard let l = GDALDatasetCreateLayer(dataset, name, spatialReference?.handle, geomType, opts) else {
                throw GeoError.gdal(operation: "create layer \(name)",
                                    message: GDALRuntime.takeLastErrorMessage(default: "unknown error"))
            }
            return l
        }
        for field in fields {
            let type: OGRFieldType
            switch field.kind {
            case .integer: type = OFTInteger64
            case .real: type = OFTReal
            case .text, .other: type = OFTString
            }
            let defn = OGR_Fld_Create(field.name, type)
            defer { OGR_Fld_Destroy(defn) }
            guard OGR_L_CreateField(layer, defn, 1) == OGRERR_NONE else {
                throw GeoError.gdal(operation: "create field \(field.name)",
                                    message: GDALRuntime.takeLastErrorMessage(default: "unknown error"))
            }
        }
        guard !transaction || GDALDatasetStartTransaction(dataset, 0) == OGRERR_NONE else {
            throw GeoError.gdal(operation: "start a transaction",
                                message: GDALRuntime.takeLastErrorMessage(default: "unknown error"))
        }
        return LayerWriter(dataset: dataset, layer: layer, fieldCount: fields.count,
                           geometryKind: geometryKind, transaction: transaction)
    }

    /// Adds a feature with values in the order of the layer's fields. Polygons are promoted to
    /// multipolygons to match the layer type.
    public func add(_ values: [FieldValue], geometry: Geometry?) throws {
        precondition(values.count == fieldCount, "expected \(fieldCount) values, got \(values.count)")
        let feature = OGR_F_Create(OGR_L_GetLayerDefn(layer))
        defer { OGR_F_Destroy(feature) }
        for (i, value) in values.enumerated() {
            let index = Int32(i)
            switch value {
            case .null: OGR_F_SetFieldNull(feature, index)
            case let .integer(v): OGR_F_SetFieldInteger64(feature, index, v)
            case let .real(v):
                if v.isFinite { OGR_F_SetFieldDouble(feature, index, v) } else { OGR_F_SetFieldNull(feature, index) }
            case let .text(s): OGR_F_SetFieldString(feature, index, s)
            }
        }
        if let geometry {
            var g = geometry.handle
            var promoted: OGRGeometryH? = nil
            if geometryKind == .multiPolygon, OGR_GT_Flatten(OGR_G_GetGeometryType(g)) == wkbPolygon {
                promoted = OGR_G_ForceToMultiPolygon(OGR_G_Clone(g))
                g = promoted!
            }
            defer { if let promoted { OGR_G_DestroyGeometry(promoted) } }
            OGR_F_SetGeometry(feature, g)
        }
        guard OGR_L_CreateFeature(layer, feature) == OGRERR_NONE else {
            throw GeoError.gdal(operation: "write feature \(written + 1)",
                                message: GDALRuntime.takeLastErrorMessage(default: "unknown error"))
        }
        written += 1
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        guard !transaction || GDALDatasetCommitTransaction(dataset) == OGRERR_NONE else {
            throw GeoError.gdal(operation: "commit the layer",
                                message: GDALRuntime.takeLastErrorMessage(default: "unknown error"))
        }
    }
}
