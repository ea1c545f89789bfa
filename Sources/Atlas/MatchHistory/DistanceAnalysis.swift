/// How far volunteers travel: distances between requester and volunteer area points for
/// matched requests, summarised per group.
public enum DistanceAnalysis {
    /// Histogram bins: 500 m wide up to 10 km, then one bin for more than 10 km. A bin holds
    /// distances above its start up to and including its end (bin 0 also holds 0 m), so that the
    /// matches within 1, 3 and 5 km are exactly the first 2, 6 and 10 bins.
    public static let binWidth = 500.0
    public static let binCount = 21

    public struct Summary: Sendable, Equatable, Codable {
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

    /// The summary of one location's (or `all` locations') matches of one quarter, in all and
    /// per category (`category` "all" for all of them): what a quarterly report shows.
    public struct QuarterSummary: Sendable, Equatable, Codable {
        public var location: String
        public var quarter: String
        public var category: String
        public var summary: Summary
    }

    public struct Result: Sendable, Codable {
        public var summaries: [Summary]
        /// Per location (and `all`) × quarter, in all and per category (a bin histogram only in all).
        public var quarterly: [QuarterSummary] = []
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
        return Result(summaries: summaries, quarterly: quarterly(trips), notLocated: notLocated, withoutVolunteer: withoutVolunteer)
    }

    static func summarise(_ trips: [Trip], grouping: String, group: String) -> Summary {
        let d = trips.map(\.metres).sorted()
        let n = Double(d.count)
        func share(_ limit: Double) -> Double? { d.isEmpty ? nil : Double(d.filter { $0 <= limit }.count) / n }
        var histogram = [Int](repeating: 0, count: binCount)
        for m in d { histogram[bin(of: m)] += 1 }
        return Summary(grouping: grouping, group: group, matches: d.count, sameArea: trips.filter(\.sameArea).count,
                       median: Stats.quantile(sorted: d, 0.5), p75: Stats.quantile(sorted: d, 0.75),
                       p90: Stats.quantile(sorted: d, 0.9), within1km: share(1000), within3km: share(3000),
                       within5km: share(5000), histogram: histogram)
    }

    /// The bin of a distance: (start, end], bin 0 from 0 m.
    public static func bin(of metres: Double) -> Int {
        guard metres > 0 else { return 0 }
        return Int(saturating: min((metres / binWidth).rounded(.up) - 1, Double(binCount - 1)))
    }

    static func quarterly(_ trips: [Trip]) -> [QuarterSummary] {
        struct Key: Hashable { var location: String; var quarter: Int }
        var byKey = Dictionary(grouping: trips) { Key(location: $0.request.location, quarter: $0.request.createdAt.quarterIndex) }
        for (quarter, mine) in Dictionary(grouping: trips, by: \.request.createdAt.quarterIndex) {
            byKey[Key(location: "all", quarter: quarter)] = mine
        }
        let keys = byKey.keys.sorted { ($0.location == "all" ? 1 : 0, $0.location, $0.quarter) < ($1.location == "all" ? 1 : 0, $1.location, $1.quarter) }
        return keys.flatMap { key -> [QuarterSummary] in
            let mine = byKey[key]!
            let label = Day.quarterLabel(key.quarter)
            let byCategory = Dictionary(grouping: mine) { $0.request.category?.rawValue ?? "unknown" }
            return [QuarterSummary(location: key.location, quarter: label, category: "all",
                                   summary: summarise(mine, grouping: "all", group: "all"))]
                + byCategory.keys.sorted().map { c in
                    var s = summarise(byCategory[c]!, grouping: "category", group: c)
                    s.histogram = []
                    return QuarterSummary(location: key.location, quarter: label, category: c, summary: s)
                }
        }
    }
}
