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

    /// Months run from each location's first to its last request, including months without any;
    /// the series `all` (every location together) is always there, so that every page and table
    /// finds it under the same name. matched / not matched / open count help requests
    /// (information questions have no outcome).
    public static func compute(_ requests: [HelpRequest], rule: OutcomeRule) -> (rows: [Row], trends: [Trend]) {
        var groups = Dictionary(grouping: requests, by: \.location)
        if !requests.isEmpty { groups[allLocations] = requests }
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

    /// One location's counts in one quarter: the sums of its months.
    public struct QuarterRow: Sendable, Equatable {
        public var location: String
        /// "2023-Q2"
        public var quarter: String
        public var quarterIndex: Int
        public var helpRequests = 0, infoRequests = 0, matched = 0, notMatched = 0, open = 0
        public var total: Int { helpRequests + infoRequests }
        /// matched / (matched + not matched); nil when nothing was decided.
        public var matchRate: Double? { matched + notMatched > 0 ? Double(matched) / Double(matched + notMatched) : nil }
    }

    /// The months of `rows` summed per location and quarter, in the rows' order.
    public static func quarters(_ rows: [Row]) -> [QuarterRow] {
        var out: [QuarterRow] = []
        for r in rows {
            let q = Quarter(monthIndex: r.monthIndex).index
            if out.last?.location != r.location || out.last?.quarterIndex != q {
                out.append(QuarterRow(location: r.location, quarter: Day.quarterLabel(q), quarterIndex: q))
            }
            out[out.count - 1].helpRequests += r.helpRequests
            out[out.count - 1].infoRequests += r.infoRequests
            out[out.count - 1].matched += r.matched
            out[out.count - 1].notMatched += r.notMatched
            out[out.count - 1].open += r.open
        }
        return out
    }
}
