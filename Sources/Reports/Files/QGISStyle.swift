import Geo

/// QGIS layer styles (QML) stored in a GeoPackage's `layer_styles` table, the table QGIS reads
/// and writes itself ("Save style → In database"), so that layers open styled.
enum QGISStyle {
    struct Style {
        var table: String
        var name: String
        var qml: String
        var description: String
    }

    /// A rule-based choropleth of a percentile column in the report's five classes, with areas
    /// not ranked in grey.
    static func choropleth(table: String, column: String, title: String) -> Style {
        var rules = ""
        var symbols = ""
        let quoted = "\"\(column)\""
        for (i, color) in SVGMap.classColors.enumerated() {
            let filter = "\(quoted) >= \(i * 20) AND \(quoted) \(i == 4 ? "<=" : "<") \(i * 20 + 20)"
            rules += "<rule key=\"r\(i)\" symbol=\"\(i)\" label=\"\(i * 20)–\(i * 20 + 20)\" filter=\"\(xml(filter))\"/>"
            symbols += fill(name: String(i), color: rgb(color), outline: "255,255,255,255", width: "0.15")
        }
        rules += "<rule key=\"r5\" symbol=\"5\" label=\"not ranked\" filter=\"ELSE\"/>"
        symbols += fill(name: "5", color: rgb(SVGMap.notRankedColor), outline: "255,255,255,255", width: "0.15")
        let qml = document("<renderer-v2 type=\"RuleRenderer\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                           + "<rules key=\"root\">\(rules)</rules><symbols>\(symbols)</symbols></renderer-v2>")
        return Style(table: table, name: title, qml: qml, description: "hulpatlas: \(title), percentile classes of 20")
    }

    /// Chosen flyer areas: a thick dark outline without fill.
    static func outline(table: String, title: String) -> Style {
        let symbol = "<symbol type=\"fill\" name=\"0\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
            + "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
            + option("style", "no") + option("color", "0,0,0,0") + option("outline_color", "17,17,17,255")
            + option("outline_style", "solid") + option("outline_width", "0.8") + option("outline_width_unit", "MM")
            + "</Option></layer></symbol>"
        let qml = document("<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                           + "<symbols>\(symbol)</symbols></renderer-v2>")
        return Style(table: table, name: title, qml: qml, description: "hulpatlas: \(title)")
    }

    static func fill(name: String, color: String, outline: String, width: String) -> String {
        "<symbol type=\"fill\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">"
            + "<layer class=\"SimpleFill\" enabled=\"1\" locked=\"0\" pass=\"0\"><Option type=\"Map\">"
            + option("style", "solid") + option("color", color) + option("outline_color", outline)
            + option("outline_style", "solid") + option("outline_width", width) + option("outline_width_unit", "MM")
            + "</Option></layer></symbol>"
    }

    static func option(_ name: String, _ value: String) -> String {
        "<Option name=\"\(name)\" type=\"QString\" value=\"\(xml(value))\"/>"
    }

    static func document(_ renderer: String) -> String {
        "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.28.0\" styleCategories=\"Symbology\">"
            + renderer + "</qgis>\n"
    }

    static func xml(_ s: String) -> String { HTML.escape(s) }

    /// "#fc8d59" → "252,141,89,255" (QGIS colour notation).
    static func rgb(_ hex: String) -> String {
        let v = Int(hex.dropFirst(), radix: 16) ?? 0
        return "\(v >> 16 & 255),\(v >> 8 & 255),\(v & 255),255"
    }

    /// Adds the `layer_styles` table with `styles`; the first style of each table is its default.
    static func write(_ styles: [Style], to writer: VectorFileWriter) throws {
        let fields = ["f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName", "styleQML",
                      "styleSLD", "description", "owner", "ui"].map { FieldDefinition(name: $0, kind: .text) }
            + [FieldDefinition(name: "useAsDefault", kind: .integer)]
        let layer = try writer.addLayer(name: "layer_styles", spatialReference: nil, geometryKind: .none, fields: fields,
                                        fidColumn: "id")
        var defaulted = Set<String>()
        for s in styles {
            let isDefault = defaulted.insert(s.table).inserted
            try layer.add([.text(""), .text(""), .text(s.table), .text("geom"), .text(s.name), .text(s.qml), .text(""),
                           .text(s.description), .text("hulpatlas"), .null, .integer(isDefault ? 1 : 0)], geometry: nil)
        }
    }
}
