/// Shares for research: by kind, category, requester type, outcome and organisation, per
/// location and year, per location and quarter (the quarterly reports show these), and over all
/// locations and all years.
public enum Breakdowns {
    public static let all = "all"

    public struct Row: Sendable, Equatable {
        public var location: String
        public var period: String
        public var dimension: String
        public var value: String
        public var count: Int
        /// The number of requests the share is taken of (the dimension's total in this cell).
        public var total: Int
        public var share: Double { total > 0 ? Double(count) / Double(total) : 0 }
    }

    /// Dimensions: `kind` over all requests; `category`, `requester_type` and `outcome` over help
    /// requests; `organisation` over matched help requests. Missing values count as "unknown".
    public static func compute(_ requests: [HelpRequest], rule: OutcomeRule) -> [Row] {
        struct Cell: Hashable { var location, period, dimension: String }
        // One pass: every request counts in its own location and year, and in "all" for each.
        var counts: [Cell: [String: Int]] = [:]
        for r in requests {
            var entries: [(String, String)] = [("kind", r.kind.rawValue)]
            if r.kind == .hulpvraag {
                let outcome = rule.outcome(of: r.status)
                entries.append(("category", r.category?.rawValue ?? "unknown"))
                entries.append(("requester_type", r.requesterType?.rawValue ?? "unknown"))
                entries.append(("outcome", outcome.rawValue))
                if outcome == .matched { entries.append(("organisation", r.organisation ?? "unknown")) }
            }
            for location in [r.location, all] {
                for period in [String(r.createdAt.year), r.createdAt.quarterLabel, all] {
                    for (dimension, value) in entries {
                        counts[Cell(location: location, period: period, dimension: dimension), default: [:]][value, default: 0] += 1
                    }
                }
            }
        }
        let dimensionOrder = ["kind", "category", "requester_type", "outcome", "organisation"]
        func key(_ c: Cell) -> (Int, String, Int, String, Int) {
            (c.location == all ? 1 : 0, c.location, c.period == all ? 1 : 0, c.period,
             dimensionOrder.firstIndex(of: c.dimension)!)
        }
        let cells = counts.keys.sorted { key($0) < key($1) }
        var rows: [Row] = []
        for cell in cells {
            let values = counts[cell]!
            let total = values.values.reduce(0, +)
            for value in values.keys.sorted() {
                rows.append(Row(location: cell.location, period: cell.period, dimension: cell.dimension, value: value,
                                count: values[value]!, total: total))
            }
        }
        return rows
    }
}
