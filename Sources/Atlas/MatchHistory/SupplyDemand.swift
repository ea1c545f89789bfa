/// Requests against volunteers per location, quarter and category.
public enum SupplyDemand {
    /// The location name of the rows over every location.
    public static let all = "all"

    public struct Row: Sendable, Equatable {
        public var location: String
        public var quarter: String
        public var category: Category
        public var requests: Int
        public var matched: Int
        public var notMatched: Int
        public var open: Int
        /// matched / (matched + not matched); nil when nothing was decided.
        public var matchRate: Double?
        /// Volunteers of the location offering the category, active on at least one day of the quarter.
        public var activeHelpers: Int
        public var helpersPerRequest: Double?
        /// Median days from request to match, over matched requests with a close date.
        public var medianDaysToMatch: Double?
        public var daysToMatchCount: Int
    }

    /// One row per location × quarter (from the location's first to its last help request) ×
    /// category, and the same for `all` (every location and volunteer together) after them.
    /// Help requests without a category are in no row.
    public static func compute(_ requests: [HelpRequest], helpers: [Helper], rule: OutcomeRule) -> [Row] {
        let help = requests.filter { $0.kind == .hulpvraag }
        var byLocation = Dictionary(grouping: help, by: \.location)
        if !help.isEmpty { byLocation[all] = help }
        let helpersByLocation = Dictionary(grouping: helpers, by: \.location)
        var rows: [Row] = []
        for location in byLocation.keys.sorted(by: { ($0 == all ? 1 : 0, $0) < ($1 == all ? 1 : 0, $1) }) {
            let mine = byLocation[location]!
            let quarters = mine.map(\.createdAt.quarterIndex)
            let localHelpers = location == all ? helpers : helpersByLocation[location] ?? []
            let cells = Dictionary(grouping: mine) { QuarterCategory(quarter: $0.createdAt.quarterIndex, category: $0.category) }
            for q in quarters.min()!...quarters.max()! {
                let bounds = Day.quarterBounds(q)
                for category in Category.allCases {
                    let cell = cells[QuarterCategory(quarter: q, category: category)] ?? []
                    let outcomes = cell.map { rule.outcome(of: $0.status) }
                    let matched = outcomes.filter { $0 == .matched }.count
                    let notMatched = outcomes.filter { $0 == .notMatched }.count
                    let active = localHelpers.filter {
                        $0.categories.contains(category) && $0.isActive(from: bounds.first, to: bounds.last)
                    }.count
                    let days = cell.compactMap { r -> Double? in
                        guard rule.outcome(of: r.status) == .matched, let closed = r.closedAt else { return nil }
                        return Double(closed - r.createdAt)
                    }
                    rows.append(Row(location: location, quarter: Day.quarterLabel(q), category: category,
                                    requests: cell.count, matched: matched, notMatched: notMatched,
                                    open: cell.count - matched - notMatched,
                                    matchRate: matched + notMatched > 0 ? Double(matched) / Double(matched + notMatched) : nil,
                                    activeHelpers: active,
                                    helpersPerRequest: cell.isEmpty ? nil : Double(active) / Double(cell.count),
                                    medianDaysToMatch: Stats.median(days), daysToMatchCount: days.count))
                }
            }
        }
        return rows
    }

    struct QuarterCategory: Hashable {
        var quarter: Int
        var category: Category?
    }
}
