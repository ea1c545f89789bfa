/// Shares for research: by kind, category, requester type, outcome and organisation, per
/// location and year (and over all locations and all years).
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
        let locations = Set(requests.map(\.location)).sorted() + [all]
        let years = Set(requests.map { String($0.createdAt.year) }).sorted() + [all]
        var rows: [Row] = []
        for location in locations {
            let inLocation = location == all ? requests : requests.filter { $0.location == location }
            for period in years {
                let cell = period == all ? inLocation : inLocation.filter { String($0.createdAt.year) == period }
                guard !cell.isEmpty else { continue }
                let help = cell.filter { $0.kind == .hulpvraag }
                let matched = help.filter { rule.outcome(of: $0.status) == .matched }
                let dimensions: [(String, [HelpRequest], (HelpRequest) -> String)] = [
                    ("kind", cell, { $0.kind.rawValue }),
                    ("category", help, { $0.category?.rawValue ?? "unknown" }),
                    ("requester_type", help, { $0.requesterType?.rawValue ?? "unknown" }),
                    ("outcome", help, { rule.outcome(of: $0.status).rawValue }),
                    ("organisation", matched, { $0.organisation ?? "unknown" }),
                ]
                for (dimension, subset, key) in dimensions where !subset.isEmpty {
                    let counts = Dictionary(grouping: subset, by: key).mapValues(\.count)
                    for value in counts.keys.sorted() {
                        rows.append(Row(location: location, period: period, dimension: dimension, value: value,
                                        count: counts[value]!, total: subset.count))
                    }
                }
            }
        }
        return rows
    }
}
