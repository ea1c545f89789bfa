/// The level of an area: a postcode of 4 digits (PC4) or 4 digits + 2 letters (PC6), or a CBS
/// wijk (WK + 6 digits) or buurt (BU + 8 digits) of the wijk- en buurtkaart.
public enum AreaLevel: String, Sendable, CaseIterable, Codable {
    case pc4, pc6, wijk, buurt

    /// Postcode levels place requests by their own code; wijk and buurt by the point of the
    /// request's postcode.
    public var isPostcode: Bool { self == .pc4 || self == .pc6 }
    /// What a code of this level is called in messages: "postcode" or "code".
    public var noun: String { isPostcode ? "postcode" : "code" }
}

/// The code of an area of any level, in canonical form: "3311", "3311AB", "WK050501", "BU05050100".
public struct AreaCode: Hashable, Sendable, CustomStringConvertible {
    public let code: String
    public let level: AreaLevel
    public var description: String { code }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case postcode(Postcode.ParseError)
        case malformed(String, level: AreaLevel)
        case lostLeadingZeros(String, level: AreaLevel)

        public var description: String {
            switch self {
            case let .postcode(e): return e.description
            case let .malformed(s, level):
                return "'\(s)' is not a \(level.rawValue) code (expected \(AreaCode.example(level)))"
            case let .lostLeadingZeros(s, level):
                return "'\(s)' looks like a \(level.rawValue) code read as a number: the \(level == .buurt ? "BU" : "WK") prefix "
                    + "and leading zeros are lost (expected \(AreaCode.example(level))); keep the column as text"
            }
        }
    }

    static func example(_ level: AreaLevel) -> String {
        switch level {
        case .pc4: return "4 digits, e.g. 3311"
        case .pc6: return "4 digits and 2 letters, e.g. 3311AB"
        case .wijk: return "WK and 6 digits, e.g. WK050501"
        case .buurt: return "BU and 8 digits, e.g. BU05050100"
        }
    }

    /// Parses a code of `level` (any level when nil: WK…/BU… codes, else a postcode).
    public init(parsing raw: String, level: AreaLevel? = nil) throws(ParseError) {
        // The usual case, a canonical postcode ("3311", "3311AB"), without any string work.
        if level == nil || level?.isPostcode == true, let canonical = Postcode.canonicalFastPath(raw) {
            code = canonical
            self.level = canonical.utf8.count == 4 ? .pc4 : .pc6
            return
        }
        let text = raw.trimmingSpaces().uppercased()
        func digits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        for (prefix, count, lvl) in [("BU", 8, AreaLevel.buurt), ("WK", 6, AreaLevel.wijk)] where level == nil || level == lvl {
            if text.hasPrefix(prefix) {
                let rest = text.dropFirst(2)
                guard rest.count == count, digits(rest) else { throw .malformed(raw, level: lvl) }
                code = text
                self.level = lvl
                return
            }
            if level == lvl {
                var number = Substring(text)
                if number.hasSuffix(".0") { number = number.dropLast(2) }
                if digits(number), number.count < count { throw .lostLeadingZeros(raw, level: lvl) }
                throw .malformed(raw, level: lvl)
            }
        }
        do {
            let postcode = try Postcode(parsing: raw)
            code = postcode.code
            self.level = postcode.level
        } catch {
            throw .postcode(error)
        }
    }

}

/// A Dutch postcode in canonical form: "3311" or "3311AB".
public struct Postcode: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let code: String
    public var level: AreaLevel { code.count == 4 ? .pc4 : .pc6 }
    /// The PC4 part ("3311" for "3311AB").
    public var pc4: String { String(code.prefix(4)) }
    public var description: String { code }
    /// The code of the area of a postcode set that holds this postcode: its PC4 in PC4 areas,
    /// itself in PC6 areas.
    public func code(at level: AreaLevel) -> String { level == .pc4 ? pc4 : code }

    public static func < (a: Postcode, b: Postcode) -> Bool { a.code < b.code }

    /// Why a text is not a postcode.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case malformed(String)
        case leadingZero(String)

        public var description: String {
            switch self {
            case .empty: return "postcode is empty"
            case let .malformed(s): return "'\(s)' is not a postcode (expected 4 digits, optionally 2 letters: 3311 or 3311AB)"
            case let .leadingZero(s): return "'\(s)' is not a postcode (Dutch postcodes run from 1000 to 9999)"
            }
        }
    }

    /// Normalises "3311 ab", " 3311AB ", "3311", "3311.0" (a number read from a spreadsheet).
    /// Letters SA, SD and SS are not issued by PostNL but do occur in data; they are accepted.
    public init(parsing raw: String) throws(ParseError) {
        if let canonical = Postcode.canonicalFastPath(raw) { code = canonical; return }
        var text = raw.trimmingSpaces()
        guard !text.isEmpty else { throw .empty }
        if text.hasSuffix(".0") { text.removeLast(2) }
        var digits: [Character] = []
        var letters: [Character] = []
        for ch in text where ch != " " && ch != "\u{00A0}" && ch != "-" {
            if letters.isEmpty, ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else if ch.isASCII, ch.isLetter {
                letters.append(Character(ch.uppercased()))
            } else {
                throw .malformed(raw)
            }
        }
        guard digits.count == 4, letters.count == 0 || letters.count == 2 else { throw .malformed(raw) }
        guard digits.first != "0" else { throw .leadingZero(raw) }
        code = String(digits) + String(letters)
    }
}

extension Postcode {
    /// "3311" or "3311AB" exactly as stored: no work beyond a byte check.
    static func canonicalFastPath(_ raw: String) -> String? {
        if let fast = raw.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard bytes.count == 4 || bytes.count == 6, (0x31...0x39).contains(bytes[0]) else { return false }
            for i in 1..<4 where !(0x30...0x39).contains(bytes[i]) { return false }
            for i in 4..<bytes.count where !(0x41...0x5A).contains(bytes[i]) { return false }
            return true
        }), fast {
            return raw
        }
        return nil
    }
}

extension String {
    /// Trims ASCII and Unicode white space at both ends.
    public func trimmingSpaces() -> String {
        // Fast path: starts and ends with a visible ASCII character (the usual case).
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        return self[...].trimmingSpaces()
    }
}

extension StringProtocol {
    /// Trims ASCII and Unicode white space at both ends.
    public func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
