import Atlas

/// Formats the cells of one shared row, hiding small counts and statistics over few cases,
/// and remembering whether anything was hidden (the row's `suppressed` flag).
struct SuppressedCells {
    let rule: Suppression
    private(set) var suppressed = false

    init(_ rule: Suppression) { self.rule = rule }

    /// A count, or "" when it is 1 … threshold − 1.
    mutating func count(_ n: Int) -> String {
        if rule.hides(n) { suppressed = true; return "" }
        return String(n)
    }

    /// A count already judged (by `Suppression.protect`): "" when `hidden`.
    mutating func count(_ n: Int, hidden: Bool) -> String {
        if hidden { suppressed = true; return "" }
        return String(n)
    }

    /// A statistic computed over `cases`, or "" when there are too few cases (or no value).
    mutating func statistic(_ value: Double?, over cases: Int, decimals: Int) -> String {
        guard let value else { return "" }
        guard rule.allowsStatistic(over: cases) else { suppressed = true; return "" }
        return Format.fixed(value, decimals: decimals)
    }

    var flag: String { suppressed ? "1" : "0" }
}
