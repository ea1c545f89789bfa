import Foundation

/// Small inline SVG charts for the report. A value that may not be shown (a count below the
/// suppression threshold, or one hidden to protect one) is drawn as no bar with the label "×" instead.
public enum SVGCharts {
    public struct Bar {
        public var label: String
        /// nil: suppressed (drawn as `hiddenText`).
        public var value: Double?
        public var highlighted: Bool
        /// What a suppressed bar shows.
        public var hiddenText: String
        /// The value as its tooltip says it (a share "75,0%", days "3,0 dagen"); nil: the plain number (a count).
        public var shown: String?
        public init(label: String, value: Double?, highlighted: Bool = false, hiddenText: String = "×", shown: String? = nil) {
            self.label = label
            self.value = value
            self.highlighted = highlighted
            self.hiddenText = hiddenText
            self.shown = shown
        }
    }

    static func number(_ v: Double) -> String { String(format: "%.1f", v) }

    /// A vertical bar chart with an optional line (e.g. a trend) over the bars.
    /// `labelEvery` thins the x-axis labels.
    /// `labelsAtEdges`: a histogram's labels (each bar's lower bound) sit at the bars' left edges,
    /// with a tick, so that the value 3 km is where the 3 km marker is; otherwise under the bars' centres.
    public static func bars(id: String, title: String, bars: [Bar], line: [Double?]? = nil,
                            labelEvery: Int = 1, yLabel: String, marker: (x: Double, label: String)? = nil,
                            labelsAtEdges: Bool = false) -> HTML {
        let w = 720.0, h = 240.0, left = 44.0, bottom = 40.0, top = 12.0
        let plotW = w - left - 8, plotH = h - bottom - top
        let maxValue = max(1, (bars.compactMap(\.value) + (line ?? []).compactMap { $0 }).max() ?? 1)
        let step = niceStep(maxValue / 4)
        let yMax = (maxValue / step).rounded(.up) * step
        let bw = plotW / Double(max(bars.count, 1))
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        var parts = yGrid(left: left, right: w - 8, yMax: yMax, step: step, y: y)
        for (i, bar) in bars.enumerated() {
            let x = left + Double(i) * bw
            if let v = bar.value {
                parts.append("<rect class=\"bar\(bar.highlighted ? " now" : "")\" x=\"\(number(x + bw * 0.1))\" y=\"\(number(y(v)))\" "
                             + "width=\"\(number(bw * 0.8))\" height=\"\(number(top + plotH - y(v)))\"><title>\(bar.label): \(bar.shown ?? Format.plain(v))</title></rect>")
            } else {
                parts.append("<text class=\"hidden\" x=\"\(number(x + bw / 2))\" y=\"\(number(top + plotH - 3))\" text-anchor=\"middle\">"
                             + "\(bar.hiddenText)<title>\(bar.label): \(bar.hiddenText)</title></text>")
            }
            if i % labelEvery == 0 {
                let at = labelsAtEdges ? x : x + bw / 2
                if labelsAtEdges {
                    parts.append("<line class=\"grid\" x1=\"\(number(at))\" x2=\"\(number(at))\" y1=\"\(number(top + plotH))\" "
                                 + "y2=\"\(number(top + plotH + 4))\"/>")
                }
                parts.append("<text class=\"tick\" x=\"\(number(at))\" y=\"\(number(h - bottom + 14))\" text-anchor=\"middle\">\(bar.label)</text>")
            }
        }
        if let line {
            let points = line.enumerated().compactMap { i, v in
                v.map { "\(number(left + (Double(i) + 0.5) * bw)),\(number(y($0)))" }
            }
            // No point (a withheld trend): no line at all, rather than an empty one.
            if !points.isEmpty { parts.append("<polyline class=\"trend\" points=\"\(points.joined(separator: " "))\"/>") }
        }
        if let marker {
            let x = left + marker.x * bw
            parts.append("<line class=\"marker\" x1=\"\(number(x))\" x2=\"\(number(x))\" y1=\"\(number(top))\" y2=\"\(number(top + plotH))\"/>"
                         + "<text class=\"tick\" x=\"\(number(x + 4))\" y=\"\(number(top + 10))\">\(marker.label)</text>")
        }
        parts.append("<text class=\"axis\" x=\"4\" y=\"\(number(top + plotH / 2))\" transform=\"rotate(-90 10 \(number(top + plotH / 2)))\" "
                     + "text-anchor=\"middle\">\(yLabel)</text>")
        return """
            <svg id="\(id)" class="chart" viewBox="0 0 \(Int(w)) \(Int(h))" role="img" aria-label="\(title)">\(parts)</svg>
            """
    }

    /// Horizontal grid lines with their values at 0, step, … up to `yMax`.
    static func yGrid(left: Double, right: Double, yMax: Double, step: Double, y: (Double) -> Double) -> [HTML] {
        var parts: [HTML] = []
        var t = 0.0
        while t <= yMax + 1e-9 {
            parts.append("<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(right))\" y1=\"\(number(y(t)))\" y2=\"\(number(y(t)))\"/>"
                         + "<text class=\"tick\" x=\"\(number(left - 6))\" y=\"\(number(y(t) + 4))\" text-anchor=\"end\">\(Int(t))</text>")
            t += step
        }
        return parts
    }

    /// 1, 2 or 5 × a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0 else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for m in [1.0, 2, 5, 10] where m * power >= raw { return max(1, m * power) }
        return max(1, 10 * power)
    }
}
