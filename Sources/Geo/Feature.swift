import CGDAL

/// One owned feature: its id, typed field values and geometry.
public final class Feature {
    let handle: OGRFeatureH

    init(owning handle: OGRFeatureH) { self.handle = handle }

    deinit { OGR_F_Destroy(handle) }

    /// The feature id (for CSV sources the data row number, 1 = first row after the header).
    public var id: Int64 { OGR_F_GetFID(handle) }

    public var fieldCount: Int { Int(OGR_F_GetFieldCount(handle)) }

    /// The value of field `index` with its schema type.
    public func value(at index: Int) -> FieldValue {
        let i = Int32(index)
        guard OGR_F_IsFieldSetAndNotNull(handle, i) != 0 else { return .null }
        let defn = OGR_F_GetFieldDefnRef(handle, i)
        switch OGR_Fld_GetType(defn) {
        case OFTInteger, OFTInteger64: return .integer(OGR_F_GetFieldAsInteger64(handle, i))
        case OFTReal: return .real(OGR_F_GetFieldAsDouble(handle, i))
        default: return .text(String(cString: OGR_F_GetFieldAsString(handle, i)))
        }
    }

    /// The value of the named field, or nil when the layer has no such field.
    public func value(named name: String) -> FieldValue? {
        let i = OGR_F_GetFieldIndex(handle, name)
        return i < 0 ? nil : value(at: Int(i))
    }

    /// Takes the geometry out of the feature (nil when the feature has none).
    public func takeGeometry() -> Geometry? {
        guard let h = OGR_F_StealGeometry(handle) else { return nil }
        return Geometry(owning: h)
    }
}
