import Foundation
import Geo

/// An inline SVG choropleth of areas in EPSG:28992: one `<path class="area">` per area with a
/// `<title>` for the hover label, targets outlined, and an optional catchment outline.
public struct SVGMap: Sendable {
    public struct Area {
        public var code: String
        public var rings: [[(x: Double, y: Double)]]
        public var fill: String
        public var title: String
        public var outlined: Bool
        /// Where the area's label (its code) goes: a point inside it; nil: no label.
        public var labelAt: (x: Double, y: Double)?

        public init(code: String, rings: [[(x: Double, y: Double)]], fill: String, title: String, outlined: Bool,
                    labelAt: (x: Double, y: Double)? = nil) {
            self.code = code
            self.rings = rings
            self.fill = fill
            self.title = title
            self.outlined = outlined
            self.labelAt = labelAt
        }
    }

    /// The label font size in map units (the map is 1,000 units wide).
    static let labelSize = 20.0

    /// Map width in SVG units; coordinates are rounded to whole units.
    static let width = 1000.0

    public let minX: Double, minY: Double, maxX: Double, maxY: Double

    /// The map frame around the rings of `areas` (with a 2% margin).
    public init(extentOf rings: [[(x: Double, y: Double)]]) {
        let xs = rings.flatMap { $0.map(\.x) }.filter(\.isFinite), ys = rings.flatMap { $0.map(\.y) }.filter(\.isFinite)
        let x0 = xs.min() ?? 0, x1 = xs.max() ?? 1, y0 = ys.min() ?? 0, y1 = ys.max() ?? 1
        let margin = max(x1 - x0, y1 - y0, 1) * 0.02
        minX = x0 - margin; maxX = x1 + margin; minY = y0 - margin; maxY = y1 + margin
    }

    var scale: Double { SVGMap.width / (maxX - minX) }
    var height: Int { Int(saturating: ((maxY - minY) * scale).rounded(.up)) }

    /// The simplification tolerance (metres) that keeps shapes at the map's resolution.
    public var tolerance: Double { 0.75 / scale }

    /// Simplified rings of stored WKB shapes, for drawing (GDAL's Douglas–Peucker simplify at
    /// under a pixel: a self-intersection that small cannot be seen, and the national report
    /// stage takes half the time it took when simplifying with topology kept).
    public static func rings(wkb: Data?, tolerance: Double) -> [[(x: Double, y: Double)]] {
        guard let wkb, let g = try? Geometry(wkb: [UInt8](wkb)) else { return [] }
        return (tolerance > 0 ? g.simplifiedForDrawing(tolerance: tolerance) ?? g : g).rings()
    }

    /// The path data of rings: absolute whole-unit coordinates, repeated points dropped.
    func pathData(_ rings: [[(x: Double, y: Double)]]) -> String {
        var d = ""
        for ring in rings {
            var last: (Int, Int)?
            var points = 0
            var part = ""
            for p in ring {
                let q = (Int(saturating: ((p.x - minX) * scale).rounded()), Int(saturating: ((maxY - p.y) * scale).rounded()))
                if let last, last == q { continue }
                part += (last == nil ? "M" : "L") + "\(q.0) \(q.1)"
                last = q
                points += 1
            }
            if points >= 3 { d += part + "Z" }
        }
        return d
    }

    /// The map as an `<svg>` element. `id` names it for tests and styling.
    public func render(id: String, label: String, areas: [Area], catchment: [[(x: Double, y: Double)]]?,
                       legend: [(color: String, label: String)], catchmentLabel: String?, targetLabel: String?) -> HTML {
        var paths: [HTML] = []
        for a in areas {
            let d = pathData(a.rings)
            paths.append("<path class=\"area\(a.outlined ? " target" : "")\" data-code=\"\(a.code)\" d=\"\(d)\" fill=\"\(a.fill)\"><title>\(a.title)</title></path>\n")
        }
        var overlay: HTML = ""
        if let catchment, !catchment.isEmpty {
            overlay = "<path class=\"catchment\" d=\"\(pathData(catchment))\" fill-rule=\"evenodd\"><title>\(catchmentLabel ?? "")</title></path>\n"
        }
        // Outlines of targets drawn last, so that neighbours do not cover them.
        let outlines: [HTML] = areas.filter(\.outlined).map { "<path class=\"outline\" d=\"\(pathData($0.rings))\"/>\n" }
        let caption = Self.legend(legend, targetLabel: outlines.isEmpty ? nil : targetLabel,
                                  catchmentLabel: catchment?.isEmpty == false ? catchmentLabel : nil)
        return """
            <figure class="map"><svg id="\(id)" viewBox="0 0 \(Int(SVGMap.width)) \(height)" role="img" aria-label="\(label)">
            \(paths)\(overlay)\(outlines)\(labels(areas))\(scaleBar())\(northArrow())</svg>
            \(legend.isEmpty ? "" : "<figcaption>\(caption)</figcaption>" as HTML)</figure>
            """
    }

    /// The legend list: colour classes, then the target outline and the catchment when drawn.
    public static func legend(_ classes: [(color: String, label: String)], targetLabel: String?, catchmentLabel: String?) -> HTML {
        var items: [HTML] = classes.map { "<li><span class=\"swatch\" style=\"background:\($0.color)\"></span>\($0.label)</li>" }
        if let targetLabel { items.append("<li><span class=\"swatch target\"></span>\(targetLabel)</li>") }
        if let catchmentLabel { items.append("<li><span class=\"swatch catchment\"></span>\(catchmentLabel)</li>") }
        return "<ul class=\"legend\">\(items)</ul>"
    }

    /// The map position (units) of a point in metres.
    func position(_ x: Double, _ y: Double) -> (x: Double, y: Double) { ((x - minX) * scale, (maxY - y) * scale) }

    /// Area codes where they fit: inside the area's box with room to spare, and over no label
    /// placed before (larger areas first, so that they keep theirs).
    func labels(_ areas: [Area]) -> HTML {
        struct Box { var x0, y0, x1, y1: Double }
        func box(_ rings: [[(x: Double, y: Double)]]) -> Box? {
            let points = rings.flatMap { $0 }.map { position($0.x, $0.y) }
            guard let x0 = points.map(\.x).min(), let x1 = points.map(\.x).max(), let y0 = points.map(\.y).min(),
                  let y1 = points.map(\.y).max() else { return nil }
            return Box(x0: x0, y0: y0, x1: x1, y1: y1)
        }
        let candidates = areas.compactMap { a -> (Area, Box, (x: Double, y: Double))? in
            guard let at = a.labelAt, let b = box(a.rings) else { return nil }
            return (a, b, position(at.x, at.y))
        }.sorted { ($0.1.x1 - $0.1.x0) * ($0.1.y1 - $0.1.y0) > ($1.1.x1 - $1.1.x0) * ($1.1.y1 - $1.1.y0) }
        var placed: [Box] = []
        var out: [HTML] = []
        for (area, b, p) in candidates {
            let w = Double(area.code.count) * Self.labelSize * 0.62, h = Self.labelSize
            let label = Box(x0: p.x - w / 2 - 2, y0: p.y - h / 2 - 2, x1: p.x + w / 2 + 2, y1: p.y + h / 2 + 2)
            guard label.x0 >= b.x0, label.x1 <= b.x1, label.y0 >= b.y0, label.y1 <= b.y1,
                  !placed.contains(where: { $0.x0 < label.x1 && label.x0 < $0.x1 && $0.y0 < label.y1 && label.y0 < $0.y1 })
            else { continue }
            placed.append(label)
            out.append("<text x=\"\(Int(p.x.rounded()))\" y=\"\(Int((p.y + h * 0.35).rounded()))\">\(area.code)</text>")
        }
        return out.isEmpty ? "" : "<g class=\"labels\">\(out)</g>\n"
    }

    /// A scale bar at the bottom left: a round length of about a sixth of the map's width.
    func scaleBar() -> HTML {
        let metres = SVGCharts.niceStep(SVGMap.width / 6 / scale)
        let length = metres * scale
        let (x, y) = (24.0, Double(height) - 24)
        let text = metres >= 1000 ? "\(Format.plain(metres / 1000)) km" : "\(Int(metres)) m"
        return """
            <g class="scalebar"><rect x="\(Int(x - 8))" y="\(Int(y - 34))" width="\(Int(length + 16))" height="44"/>\
            <path d="M\(Int(x)) \(Int(y - 8))V\(Int(y))H\(Int((x + length).rounded()))V\(Int(y - 8))"/>\
            <text x="\(Int(x))" y="\(Int(y - 14))">\(text)</text></g>

            """
    }

    /// A north arrow at the top right (EPSG:28992's grid north is up, within a degree of true north here).
    func northArrow() -> HTML {
        let x = Int(SVGMap.width) - 40
        return "<g class=\"north\"><path d=\"M\(x) 18L\(x + 12) 52L\(x) 44L\(x - 12) 52Z\"/><text x=\"\(x)\" y=\"74\">N</text></g>\n"
    }

    /// Five percentile classes (quintiles) from light to dark, and grey for areas not ranked.
    public static let classColors = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"]
    public static let notRankedColor = "#d4d4d4"

    public static func color(percentile: Double?) -> String {
        guard let p = percentile else { return notRankedColor }
        return classColors[min(Int(p / 20), 4)]
    }
}
