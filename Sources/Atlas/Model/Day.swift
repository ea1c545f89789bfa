/// A calendar date without time or time zone (requests are dated by day).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between dates.
    public let ordinal: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        ordinal = Day.daysFromCivil(year, month, day)
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// ISO form, 2023-05-01.
    public var description: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
    /// "2023-05"
    public var monthLabel: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }
    /// 1…4
    public var quarter: Int { (month - 1) / 3 + 1 }
    /// "2023-Q2"
    public var quarterLabel: String { "\(Day.pad(year, 4))-Q\(quarter)" }
    /// Months since year 0, to step through months.
    public var monthIndex: Int { year * 12 + (month - 1) }
    public var quarterIndex: Int { year * 4 + (quarter - 1) }

    public static func - (a: Day, b: Day) -> Int { a.ordinal - b.ordinal }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// First and last day of a quarter index (year * 4 + q - 1).
    public static func quarterBounds(_ index: Int) -> (first: Day, last: Day) {
        let year = index / 4, q = index % 4
        let firstMonth = q * 3 + 1
        return (Day(year: year, month: firstMonth, day: 1)!,
                Day(year: year, month: firstMonth + 2, day: daysIn(month: firstMonth + 2, year: year))!)
    }

    public static func quarterLabel(_ index: Int) -> String { "\(pad(index / 4, 4))-Q\(index % 4 + 1)" }
    public static func monthLabel(_ index: Int) -> String { "\(pad(index / 12, 4))-\(pad(index % 12 + 1, 2))" }

    /// "YYYY-MM-DD" exactly: read from the bytes without splitting.
    static func isoFastPath(_ raw: String) -> (Int, Int, Int)? {
        raw.utf8.withContiguousStorageIfAvailable { b -> (Int, Int, Int)? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var n = 0
                for i in range {
                    guard (0x30...0x39).contains(b[i]) else { return nil }
                    n = n * 10 + Int(b[i] - 0x30)
                }
                return n
            }
            guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
            return (y, m, d)
        } ?? nil
    }

    /// Howard Hinnant's days_from_civil.
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Why a text is not a date.
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case impossible(String)
        public var description: String {
            switch self {
            case let .malformed(s):
                return "'\(s)' is not a date (expected YYYY-MM-DD or DD-MM-YYYY)"
            case let .impossible(s):
                return "'\(s)' is not a real date (no such day in that month)"
            }
        }
    }

    /// Parses 2023-05-01, 2023/05/01, 01-05-2023, 1-5-2023, 01/05/2023, 01.05.2023 (Dutch order:
    /// day first), with an optional time after a space or "T" (ignored).
    public init(parsing raw: String) throws(ParseError) {
        if let iso = Day.isoFastPath(raw) {
            guard let day = Day(year: iso.0, month: iso.1, day: iso.2) else { throw .impossible(raw) }
            self = day
            return
        }
        var text = raw.trimmingSpaces()
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) { text = String(text[..<cut]) }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { throw .malformed(raw) }
        let (y, m, d): (Int, Int, Int)
        if parts[0].count == 4 {
            (y, m, d) = (a, b, c)
        } else if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 {
            (y, m, d) = (c, b, a)
        } else {
            throw .malformed(raw)
        }
        guard let day = Day(year: y, month: m, day: d) else { throw .impossible(raw) }
        self = day
    }
}
