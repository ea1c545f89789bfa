/// A piece of HTML whose string interpolation escapes by default: `"<td>\(name)</td>"` as
/// `HTML` escapes `name`; only another `HTML` value is inserted as markup. Text from inputs
/// therefore cannot add markup to a report.
public struct HTML: ExpressibleByStringInterpolation, Sendable, Equatable {
    public private(set) var markup: String

    public init(stringLiteral value: String) { markup = value }
    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }
    /// Markup built by this module (never from input text).
    init(trusted markup: String) { self.markup = markup }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""
        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        /// Markup: inserted as it is.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ parts: [HTML]) { for p in parts { markup += p.markup } }
    }

    public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.markup + b.markup) }
    public static func += (a: inout HTML, b: HTML) { a.markup += b.markup }

    /// Escapes the five characters that are special in text and attribute values.
    public static func escape(_ s: String) -> String {
        // Most text (path data, numbers, codes) has none of them: one scan of the bytes, no copy.
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(trusted: map(\.markup).joined()) }
}
