/// A calendar quarter, the period of the board reports: "2023-Q4".
public struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// year × 4 + (quarter − 1), to step through quarters.
    public let index: Int

    public init(index: Int) { self.index = index }

    /// "2023-Q4" exactly (a four-digit year, Q1 to Q4); nil for anything else.
    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCII), let year = Int(parts[0]), year >= 0,
              parts[1].count == 2, parts[1].first == "Q", let q = Int(parts[1].dropFirst()), (1...4).contains(q)
        else { return nil }
        index = year * 4 + q - 1
    }

    /// The quarter a month (year × 12 + month − 1) lies in.
    public init(monthIndex: Int) { index = monthIndex / 12 * 4 + monthIndex % 12 / 3 }

    public var year: Int { index / 4 }
    /// 1…4
    public var number: Int { index % 4 + 1 }
    /// "2023-Q4"
    public var label: String { Day.quarterLabel(index) }
    public var description: String { label }
    public var bounds: (first: Day, last: Day) { Day.quarterBounds(index) }
    /// Its three months, as month indices (year × 12 + month − 1).
    public var monthIndices: [Int] { (0..<3).map { (index / 4) * 12 + (index % 4) * 3 + $0 } }

    public func advanced(by quarters: Int) -> Quarter { Quarter(index: index + quarters) }

    public static func < (a: Quarter, b: Quarter) -> Bool { a.index < b.index }
}

extension Day {
    /// The quarter this day lies in.
    public var calendarQuarter: Quarter { Quarter(index: quarterIndex) }
}
