/// Requests per location and month, with a least-squares trend of the monthly total.
public enum MonthlySeries {
    /// The location name used for the sum over all locations.
    public static let allLocations = "all"

    public struct Row: Sendable, Equatable {
        public var location: String
        /// "2023-05"
        public var month: String
        /// year × 12 + month − 1
        public var monthIndex: Int
        public var helpRequests: Int
        public var infoRequests: Int
        public var matched: Int
        public var notMatched: Int
        public var open: Int
        public var total: Int { helpRequests + infoRequests }
        /// The trend line's value for this month.
        public var trend: Double?
    }

    public struct Trend: Sendable, Equatable {
        public var location: String
        public var firstMonth: String
        public var lastMonth: String
        public var months: Int
        public var fit: Stats.LinearFit?
    }

    /// Months run from each location's first to its last request, including months without any.
    /// matched / not matched / open count help requests (information questions have no outcome).
    public static func compute(_ requests: [HelpRequest], rule: OutcomeRule) -> (rows: [Row], trends: [Trend]) {
        var groups = Dictionary(grouping: requests, by: \.location)
        if groups.count > 1 { groups[allLocations] = requests }
        var rows: [Row] = [], trends: [Trend] = []
        for location in groups.keys.sorted(by: { ($0 == allLocations ? 1 : 0, $0) < ($1 == allLocations ? 1 : 0, $1) }) {
            let mine = groups[location]!
            let byMonth = Dictionary(grouping: mine, by: \.createdAt.monthIndex)
            let first = byMonth.keys.min()!, last = byMonth.keys.max()!
            var locationRows: [Row] = []
            for m in first...last {
                let cell = byMonth[m] ?? []
                let help = cell.filter { $0.kind == .hulpvraag }
                let outcomes = help.map { rule.outcome(of: $0.status) }
                locationRows.append(Row(location: location, month: Day.monthLabel(m), monthIndex: m, helpRequests: help.count,
                                        infoRequests: cell.count - help.count,
                                        matched: outcomes.filter { $0 == .matched }.count,
                                        notMatched: outcomes.filter { $0 == .notMatched }.count,
                                        open: outcomes.filter { $0 == .open }.count, trend: nil))
            }
            let x = locationRows.indices.map(Double.init)
            let fit = Stats.linearFit(x: x, y: locationRows.map { Double($0.total) })
            if let fit { for i in locationRows.indices { locationRows[i].trend = fit.value(at: Double(i)) } }
            rows += locationRows
            trends.append(Trend(location: location, firstMonth: Day.monthLabel(first), lastMonth: Day.monthLabel(last),
                                months: locationRows.count, fit: fit))
        }
        return (rows, trends)
    }
}
