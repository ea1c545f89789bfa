import CGDAL

/// A layer of a `VectorDataset`. Keeps its dataset alive; iterate with `for feature in layer`.
public final class Layer: Sequence {
    let handle: OGRLayerH
    private let dataset: VectorDataset

    init(handle: OGRLayerH, dataset: VectorDataset) {
        self.handle = handle
        self.dataset = dataset
    }

    public var name: String { String(cString: OGR_L_GetName(handle)) }

    /// Number of features (may need a full scan for some drivers).
    public var featureCount: Int { Int(OGR_L_GetFeatureCount(handle, 1)) }

    /// The layer's coordinate system, or nil when the source does not say.
    public var spatialReference: SpatialReference? {
        SpatialReference(cloning: OGR_L_GetSpatialRef(handle))
    }

    public var fields: [FieldDefinition] {
        let defn = OGR_L_GetLayerDefn(handle)
        return (0..<OGR_FD_GetFieldCount(defn)).map { i in
            let fd = OGR_FD_GetFieldDefn(defn, i)
            let kind: FieldKind
            switch OGR_Fld_GetType(fd) {
            case OFTInteger, OFTInteger64: kind = .integer
            case OFTReal: kind = .real
            case OFTString: kind = .text
            default: kind = .other
            }
            return FieldDefinition(name: String(cString: OGR_Fld_GetNameRef(fd)), kind: kind)
        }
    }

    public var hasGeometry: Bool {
        OGR_FD_GetGeomFieldCount(OGR_L_GetLayerDefn(handle)) > 0
    }

    /// The declared geometry type's name ("Multi Polygon", "Point", "Unknown (any)", …).
    public var geometryTypeName: String { String(cString: OGRGeometryTypeToName(OGR_L_GetGeomType(handle))) }

    /// Whether the layer declares polygons, or does not say (GeoJSON, CSV).
    public var mayHoldPolygons: Bool {
        guard hasGeometry else { return false }
        let flat = OGR_GT_Flatten(OGR_L_GetGeomType(handle))
        return flat == wkbUnknown || flat == wkbPolygon || flat == wkbMultiPolygon || flat == wkbGeometryCollection
            || flat == wkbCurvePolygon || flat == wkbMultiSurface
    }

    public func makeIterator() -> FeatureIterator {
        OGR_L_ResetReading(handle)
        return FeatureIterator(layer: self)
    }

    public struct FeatureIterator: IteratorProtocol {
        let layer: Layer
        public mutating func next() -> Feature? {
            guard let h = OGR_L_GetNextFeature(layer.handle) else { return nil }
            return Feature(owning: h)
        }
    }
}
