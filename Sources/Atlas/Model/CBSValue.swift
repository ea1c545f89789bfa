/// One statistics cell as CBS publishes it: a number, a special code, or nothing.
///
/// CBS marks values it cannot publish with codes at or below -99990: -99997 "geheim" (kept
/// secret because the group is too small), -99995 "missing / not applicable", and -99999999
/// in the wijk- en buurtkaart. A code is never a number: it must not enter a sum or a mean.
public enum CBSValue: Equatable, Sendable {
    case number(Double)
    case special(code: Int)
    case empty

    /// Values at or below this are CBS codes.
    public static let codeThreshold: Double = -99990

    public init(_ number: Double) {
        if number <= CBSValue.codeThreshold {
            self = .special(code: Int(saturating: number.rounded()))
        } else {
            self = .number(number)
        }
    }

    /// Parses a cell as it appears in CSV: "9705", "1.5", "1,5" (decimal comma), "1.234,5" and
    /// "1.234.567" (thousands dots), "1,234.5", "-99997", "-99 997", "" (empty). With
    /// `decimalComma` (a Dutch Excel file, `;`-separated) a dot is always a thousands separator:
    /// "1.234" is 1234. Returns nil for text that is not a number.
    public init?(parsing raw: String, decimalComma: Bool = false) {
        var text = raw.trimmingSpaces()
        if text.isEmpty || text == "." || text == "x" || text == "NA" {
            // "." and "x" are CBS StatLine's own markers for "unknown" / "secret".
            self = .empty
            if text == "x" { self = .special(code: -99997) }
            return
        }
        text.removeAll { $0 == " " || $0 == "\u{00A0}" }
        let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
        if dots > 0 && commas > 0 {
            // Both: the last one is the decimal separator.
            if text.lastIndex(of: ",")! > text.lastIndex(of: ".")! {
                text.removeAll { $0 == "." }
                text = text.replacingOccurrencesOfComma()
            } else {
                text.removeAll { $0 == "," }
            }
        } else if dots > 1 || (decimalComma && dots == 1) {
            text.removeAll { $0 == "." }
        } else if dots == 0, commas == 1 {
            text = text.replacingOccurrencesOfComma()
        }
        // Only decimal notation: Swift's Double("0x1A") is 26, Double("nan") is NaN.
        guard text.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 }),
              let number = Double(text), number.isFinite else { return nil }
        self.init(number)
    }

    /// The number, or nil for codes and empty cells.
    public var number: Double? {
        if case let .number(v) = self { return v }
        return nil
    }

    /// True for a secret or missing CBS code (not for an empty cell).
    public var isSpecial: Bool {
        if case .special = self { return true }
        return false
    }

    /// Human-readable meaning of a code.
    public static func meaning(ofCode code: Int) -> String {
        switch code {
        case -99997: return "geheim (secret: group too small)"
        case -99995: return "ontbreekt (missing or not applicable)"
        case -99999999: return "ontbreekt (missing)"
        default: return "CBS special value"
        }
    }
}

private extension String {
    func replacingOccurrencesOfComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
