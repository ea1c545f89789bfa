/// Where layers are written: a file (`VectorFileWriter`: GeoPackage, XLSX) or a database schema
/// (`PostGISWriter`). Nothing is visible to readers before `commit()`; a sink released without
/// it leaves the target as it was.
public protocol VectorSink: AnyObject {
    /// Starts a new layer (the previous one is finished first). `fidColumn` names the primary key.
    func addLayer(name: String, spatialReference: SpatialReference?, geometryKind: GeometryKind,
                  fields: [FieldDefinition], fidColumn: String?) throws -> LayerWriter
    /// QGIS styles for the layers, stored where QGIS looks for them.
    func addStyles(_ styles: [LayerStyle]) throws
    /// Makes everything written visible at once.
    func commit() throws
}

/// A QGIS layer style (QML) as QGIS keeps it in a `layer_styles` table, in a GeoPackage as in
/// PostgreSQL, so that layers open styled ("Save style → In database").
public struct LayerStyle: Sendable, Equatable {
    public var table: String
    public var name: String
    public var qml: String
    public var description: String
    /// The geometry column of every hulpatlas layer.
    public static let geometryColumn = "geom"

    public init(table: String, name: String, qml: String, description: String) {
        self.table = table
        self.name = name
        self.qml = qml
        self.description = description
    }

    /// The columns of QGIS's layer_styles table (the serial id aside), in order.
    static let columns = ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                          "styleSLD", "description", "owner", "ui", "useAsDefault"]
    static var fields: [FieldDefinition] {
        columns.dropLast().map { FieldDefinition(name: $0, kind: .text) } + [FieldDefinition(name: "useAsDefault", kind: .integer)]
    }

    /// One row per style, in `columns` order; the first style of each table is its default.
    static func rows(_ styles: [LayerStyle], schema: String) -> [[FieldValue]] {
        var defaulted = Set<String>()
        return styles.map { s in
            let isDefault = defaulted.insert(s.table).inserted
            return [.text(""), .text(schema), .text(s.table), .text(geometryColumn), .text(s.name), .text(s.qml), .text(""),
                    .text(s.description), .text("hulpatlas"), .null, .integer(isDefault ? 1 : 0)]
        }
    }
}
