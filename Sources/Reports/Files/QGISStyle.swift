import Geo

/// QGIS layer styles (QML) for the atlas layers, stored where QGIS reads them (a GeoPackage's
/// `layer_styles` table, or PostgreSQL's public.layer_styles: `VectorSink.addStyles`).
enum QGISStyle {
    typealias Style = LayerStyle

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
}
