import Atlas
import Geo

/// The boundary file of an area ingest, opened: its polygon layer, the canonical names of its
/// fields, the area code column, the transform to EPSG:28992, and the area level.
struct BoundarySource {
    let path: String
    let dataset: VectorDataset
    let layer: Layer
    let fields: [FieldDefinition]
    /// The field names as CBS spells them today (`CBSVocabulary.canonicalName`).
    let names: [String]
    let keyColumn: String
    let keyIndex: Int
    let source: SpatialReference
    /// nil when the file is in EPSG:28992 already.
    let transform: CoordinateTransform?
    let level: AreaLevel
    /// Which layer of a multi-layer source was read.
    let layerNote: String?

    init(_ options: AreaIngestOptions) throws {
        path = options.boundaries
        dataset = try VectorDataset(path: path)
        layer = try dataset.areaLayer(named: options.layer)
        guard layer.hasGeometry else { throw GeoError.noLayer(path: path, name: options.layer) }
        layerNote = dataset.layerCount > 1
            ? "\(path): layer '\(layer.name)' (\(layer.geometryTypeName)) of \(dataset.layerCount): "
                + dataset.layerNames.joined(separator: ", ") + (options.layer == nil ? " (choose another with --layer)" : "")
            : nil
        fields = layer.fields
        names = fields.map { CBSVocabulary.canonicalName($0.name) }
        keyColumn = try findKeyColumn(options.key, in: names, file: path)
        keyIndex = names.firstIndex(of: keyColumn) ?? 0

        let target = try SpatialReference(epsg: SpatialReference.rdNewEPSG)
        if let given = options.sourceCRS {
            source = try SpatialReference(definition: given)  // overrides a wrong declaration too
        } else if let declared = layer.spatialReference {
            source = declared
        } else {
            throw GeoError.noSpatialReference(path: path)
        }
        transform = source.isSame(as: target) ? nil : try CoordinateTransform(from: source, to: target)
        level = try options.level ?? BoundarySource.detectLevel(layer: layer, keyIndex: keyIndex)
    }

    /// The level of the first feature with a valid postcode.
    static func detectLevel(layer: Layer, keyIndex: Int) throws -> AreaLevel {
        var numbersOnly: Int?
        for feature in layer {
            let text = feature.value(at: keyIndex).text.trimmingSpaces()
            if let code = try? AreaCode(parsing: text) { return code.level }
            if numbersOnly == nil, !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { numbersOnly = text.count }
        }
        // Codes that are numbers too long for a postcode: buurt (BU + 8) or wijk (WK + 6) codes
        // that lost their prefix and zeros, which the ingest then refuses with that reason.
        switch numbersOnly {
        case (7...8)?: return .buurt
        case (5...6)?: return .wijk
        default: break
        }
        return .pc4
    }
}
