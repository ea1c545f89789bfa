/// How far volunteers travel: distances between requester and volunteer area points for
/// matched requests, summarised per group.
public enum DistanceAnalysis {
    /// Histogram bins: 500 m wide up to 10 km, then one bin for 10 km and more.
    public static let binWidth = 500.0
    public static let binCount = 21

    public struct Summary: Sendable, Equatable {
        public var grouping: String
        public var group: String
        public var matches: Int
        /// Matches whose two ends fall in the same area (distance 0 at area-point precision).
        public var sameArea: Int
        public var median: Double?
        public var p75: Double?
        public var p90: Double?
        public var within1km: Double?
        public var within3km: Double?
        public var within5km: Double?
        public var histogram: [Int]
    }

    public struct Result: Sendable {
        public var summaries: [Summary]
        /// Matched requests with a volunteer whose requester or volunteer postcode could not be placed.
        public var notLocated: Int
        /// Matched requests without a volunteer postcode (e.g. referrals): no distance exists.
        public var withoutVolunteer: Int
    }

    struct Trip {
        var request: HelpRequest
        var metres: Double
        var sameArea: Bool
    }

    public static func compute(_ requests: [HelpRequest], locator: Locator, rule: OutcomeRule) -> Result {
        var trips: [Trip] = []
        var notLocated = 0, withoutVolunteer = 0
        for r in requests where r.kind == .hulpvraag && rule.outcome(of: r.status) == .matched {
            guard r.helperPostcode != nil else { withoutVolunteer += 1; continue }
            guard let a = locator.place(r.requesterPostcode), let b = locator.place(r.helperPostcode) else {
                notLocated += 1
                continue
            }
            let dx = a.x - b.x, dy = a.y - b.y
            trips.append(Trip(request: r, metres: (dx * dx + dy * dy).squareRoot(), sameArea: a.area == b.area))
        }
        var summaries = [summarise(trips, grouping: "all", group: "all")]
        let groupings: [(String, (HelpRequest) -> String)] = [
            ("category", { $0.category?.rawValue ?? "unknown" }),
            ("location", { $0.location }),
            ("organisation", { $0.organisation ?? "unknown" }),
            ("quarter", { $0.createdAt.quarterLabel }),
        ]
        for (grouping, key) in groupings {
            let groups = Dictionary(grouping: trips) { key($0.request) }
            for name in groups.keys.sorted() {
                summaries.append(summarise(groups[name]!, grouping: grouping, group: name))
            }
        }
        return Result(summaries: summaries, notLocated: notLocated, withoutVolunteer: withoutVolunteer)
    }

    static func summarise(_ trips: [Trip], grouping: String, group: String) -> Summary {
        let d = trips.map(\.metres).sorted()
        let n = Double(d.count)
        func share(_ limit: Double) -> Double? { d.isEmpty ? nil : Double(d.filter { $0 <= limit }.count) / n }
        var histogram = [Int](repeating: 0, count: binCount)
        for m in d { histogram[Int(saturating: min(m / binWidth, Double(binCount - 1)))] += 1 }
        return Summary(grouping: grouping, group: group, matches: d.count, sameArea: trips.filter(\.sameArea).count,
                       median: Stats.quantile(sorted: d, 0.5), p75: Stats.quantile(sorted: d, 0.75),
                       p90: Stats.quantile(sorted: d, 0.9), within1km: share(1000), within3km: share(3000),
                       within5km: share(5000), histogram: histogram)
    }
}
