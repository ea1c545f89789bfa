import Foundation

/// Did a flyer campaign bring help requests? The targeted areas against control areas that were
/// not targeted, matched on risk, households and the request rate before delivery, compared by
/// a difference-in-differences over a window of months before and after delivery
/// (`DifferenceInDifferences`). docs/METHOD.md §13.
public enum CampaignEvaluation {
    /// A delivered campaign: the day it was delivered and the flyers per area.
    public struct Campaign: Sendable, Equatable {
        public var name: String
        public var delivered: Day
        public var flyers: [String: Int]
        public init(name: String, delivered: Day, flyers: [String: Int]) {
            self.name = name
            self.delivered = delivered
            self.flyers = flyers
        }
    }

    /// One area as the evaluation sees it.
    public struct Area: Sendable, Equatable {
        public var code: String
        public var households: Double?
        /// The percentile (0–100) of the risk the campaign targeted.
        public var riskPercentile: Double?
        /// Help requests per month (month index, `Day.monthIndex`), and of first-time requesters.
        public var requests: [Int: Int]
        public var firstTimeRequests: [Int: Int]?
        public init(code: String, households: Double?, riskPercentile: Double?, requests: [Int: Int],
                    firstTimeRequests: [Int: Int]? = nil) {
            self.code = code
            self.households = households
            self.riskPercentile = riskPercentile
            self.requests = requests
            self.firstTimeRequests = firstTimeRequests
        }
    }

    public struct Settings: Sendable, Equatable {
        /// Whole months before the delivery month, and after it (the delivery month itself is
        /// left out: it is partly before and partly after).
        public var monthsBefore: Int
        public var monthsAfter: Int
        /// Control areas per targeted area.
        public var controlsPerArea: Int
        public var placeboRuns: Int
        public var seed: UInt64
        public init(monthsBefore: Int = 12, monthsAfter: Int = 6, controlsPerArea: Int = 3, placeboRuns: Int = 199,
                    seed: UInt64 = 20_261_206) {
            self.monthsBefore = monthsBefore
            self.monthsAfter = monthsAfter
            self.controlsPerArea = controlsPerArea
            self.placeboRuns = placeboRuns
            self.seed = seed
        }
    }

    /// A matching covariate, its mean in the targeted and in the control areas, and the
    /// standardised difference (difference of means over the pooled standard deviation).
    public struct Balance: Sendable, Equatable {
        public enum Covariate: String, Sendable, CaseIterable { case riskPercentile = "risk_percentile", households,
            requestRateBefore = "requests_per_1000_households_per_month_before" }
        public var covariate: Covariate
        public var targeted: Double
        public var control: Double
        public var standardisedDifference: Double?
    }

    /// Requests per month in the window, summed over the targeted and over the control areas.
    public struct SeriesPoint: Sendable, Equatable {
        public var month: Int
        public var targeted: Int
        public var control: Int
        public var firstTimeTargeted: Int?
        public var firstTimeControl: Int?
    }

    /// The effect on one series (all help requests, or those of first-time requesters).
    public struct Effect: Sendable, Equatable {
        public var estimate: DifferenceInDifferences.Estimate
        /// Extra help requests in the months after per 1,000 flyers, with the interval's ends.
        public var perThousandFlyers: Double
        public var perThousandFlyersLow: Double
        public var perThousandFlyersHigh: Double
        public var placeboP: Double?
        public var placeboRuns: Int
    }

    public enum NotEvaluated: Sendable, Equatable, CustomStringConvertible {
        /// None of the campaign's areas is in the area set with households and a risk percentile.
        case noTargetedAreas
        case noControlAreas
        /// The history does not cover the window: months found before and after delivery.
        case shortHistory(before: Int, after: Int)
        case notEstimable(DifferenceInDifferences.NotEstimable)

        public var description: String {
            switch self {
            case .noTargetedAreas: return "none of the campaign's areas is in the area set with households and a risk percentile"
            case .noControlAreas: return "no area outside the campaigns has households and a risk percentile to serve as control"
            case let .shortHistory(before, after):
                return "the history covers \(before) months before and \(after) after delivery; at least 3 of each are needed"
            case .notEstimable(.emptyGroup): return "the targeted or the control areas have no help request before or after delivery"
            case .notEstimable(.noContrast): return "no targeted and control areas with requests in months before and after delivery"
            case .notEstimable(.fitFailed): return "the model could not be fitted"
            case .notEstimable(.tooFewObservations):
                return "fewer than 10 area-months beyond the model's parameters (too little to publish an estimate)"
            }
        }
    }

    public struct Result: Sendable, Equatable {
        public var campaign: Campaign
        /// The months compared (month indices), before and after.
        public var before: ClosedRange<Int>?
        public var after: ClosedRange<Int>?
        public var targeted: [String]
        public var controls: [String]
        /// Targeted areas left out (not in the set, or no households or risk).
        public var leftOut: [String]
        public var flyers: Int
        public var balance: [Balance]
        public var series: [SeriesPoint]
        public var requests: Effect?
        public var firstTime: Effect?
        public var notEvaluated: NotEvaluated?
    }

    /// Evaluates `campaign` on `areas`; `otherCampaignAreas` are never used as controls (areas
    /// another campaign targeted). `history` is the span of months the history covers.
    public static func evaluate(_ campaign: Campaign, areas: [Area], otherCampaignAreas: Set<String>,
                                history: ClosedRange<Int>, settings: Settings) -> Result {
        let deliveryMonth = campaign.delivered.monthIndex
        let firstBefore = max(history.lowerBound, deliveryMonth - settings.monthsBefore)
        let lastAfter = min(history.upperBound, deliveryMonth + settings.monthsAfter)
        let nBefore = max(0, deliveryMonth - firstBefore), nAfter = max(0, lastAfter - deliveryMonth)
        var result = Result(campaign: campaign, before: nil, after: nil, targeted: [], controls: [], leftOut: [], flyers: 0,
                            balance: [], series: [], requests: nil, firstTime: nil, notEvaluated: nil)
        let usable = areas.filter { ($0.households ?? 0) > 0 && $0.riskPercentile != nil }
        let targeted = usable.filter { campaign.flyers[$0.code] != nil }.sorted { $0.code < $1.code }
        result.leftOut = campaign.flyers.keys.filter { code in !targeted.contains { $0.code == code } }.sorted()
        guard !targeted.isEmpty else { result.notEvaluated = .noTargetedAreas; return result }
        guard nBefore >= 3, nAfter >= 3 else {
            result.notEvaluated = .shortHistory(before: nBefore, after: nAfter)
            return result
        }
        let before = firstBefore...(deliveryMonth - 1), after = (deliveryMonth + 1)...lastAfter
        result.before = before
        result.after = after
        let pool = usable.filter { campaign.flyers[$0.code] == nil && !otherCampaignAreas.contains($0.code) }
            .sorted { $0.code < $1.code }
        guard !pool.isEmpty else { result.notEvaluated = .noControlAreas; return result }
        let rate: (Area) -> Double = { a in
            Double(before.reduce(0) { $0 + (a.requests[$1] ?? 0) }) / a.households! * 1000 / Double(nBefore)
        }
        let controls = match(targeted, pool: pool, per: settings.controlsPerArea, rate: rate)
        result.targeted = targeted.map(\.code)
        result.controls = controls.map(\.code)
        result.flyers = targeted.reduce(0) { $0 + (campaign.flyers[$1.code] ?? 0) }
        result.balance = balance(targeted, controls, before: before)

        let months = Array(before) + Array(after)
        let panelAreas = targeted + controls
        let treated = targeted.map { _ in true } + controls.map { _ in false }
        let firstTimeKnown = panelAreas.allSatisfy { $0.firstTimeRequests != nil }
        for m in months {
            let t = targeted.reduce(0) { $0 + ($1.requests[m] ?? 0) }, c = controls.reduce(0) { $0 + ($1.requests[m] ?? 0) }
            var point = SeriesPoint(month: m, targeted: t, control: c)
            if firstTimeKnown {
                point.firstTimeTargeted = targeted.reduce(0) { $0 + ($1.firstTimeRequests?[m] ?? 0) }
                point.firstTimeControl = controls.reduce(0) { $0 + ($1.firstTimeRequests?[m] ?? 0) }
            }
            result.series.append(point)
        }
        let panel = { (counts: (Area) -> [Int: Int]) in
            DifferenceInDifferences.Panel(counts: panelAreas.map { a in months.map { counts(a)[$0] ?? 0 } }, treated: treated,
                                          firstAfter: nBefore)
        }
        switch effect(panel(\.requests), flyers: result.flyers, settings: settings) {
        case let .success(e): result.requests = e
        case let .failure(reason): result.notEvaluated = .notEstimable(reason); return result
        }
        if firstTimeKnown, case let .success(e) = effect(panel { $0.firstTimeRequests ?? [:] }, flyers: result.flyers,
                                                           settings: settings) {
            result.firstTime = e
        }
        return result
    }

    static func effect(_ panel: DifferenceInDifferences.Panel, flyers: Int, settings: Settings)
        -> Swift.Result<Effect, DifferenceInDifferences.NotEstimable> {
        DifferenceInDifferences.estimate(panel).map { e in
            let extra = e.extra, per = flyers > 0 ? 1000 / Double(flyers) : .nan
            let placebo = DifferenceInDifferences.placeboPValue(panel, observed: e.coefficient, runs: settings.placeboRuns,
                                                                seed: settings.seed)
            return Effect(estimate: e, perThousandFlyers: extra.central * per, perThousandFlyersLow: extra.low * per,
                          perThousandFlyersHigh: extra.high * per, placeboP: placebo?.p, placeboRuns: placebo?.runs ?? 0)
        }
    }

    /// Greedy nearest-neighbour matching without replacement on the standardised covariates
    /// (risk percentile, log households, request rate before delivery; each divided by its
    /// standard deviation over the targeted and candidate areas): the closest remaining pair is
    /// taken first, until every targeted area has `per` controls or the candidates run out.
    static func match(_ targeted: [Area], pool: [Area], per: Int, rate: (Area) -> Double) -> [Area] {
        let features: (Area) -> [Double] = { [$0.riskPercentile!, log($0.households!), rate($0)] }
        let all = (targeted + pool).map(features)
        let scale = (0..<3).map { j -> Double in
            let sd = Stats.variance(all.map { $0[j] }).squareRoot()
            return sd > 0 ? sd : 1
        }
        let t = all.prefix(targeted.count), c = Array(all.dropFirst(targeted.count))
        var pairs: [(d: Double, t: Int, c: Int)] = []
        for i in t.indices {
            for k in c.indices {
                var d = 0.0
                for j in 0..<3 { d += pow((t[i][j] - c[k][j]) / scale[j], 2) }
                pairs.append((d, i, k))
            }
        }
        pairs.sort { ($0.d, targeted[$0.t].code, pool[$0.c].code) < ($1.d, targeted[$1.t].code, pool[$1.c].code) }
        var taken = Set<Int>(), count = [Int](repeating: 0, count: t.count)
        for p in pairs where count[p.t] < per && !taken.contains(p.c) {
            taken.insert(p.c)
            count[p.t] += 1
        }
        return taken.sorted().map { pool[$0] }
    }

    /// The covariates' means in both groups. The request rate is the group's (its requests over
    /// its households), not a mean of the areas' rates: that follows from the published totals,
    /// where a mean of rates beside them could give an area's own count away.
    static func balance(_ targeted: [Area], _ controls: [Area], before: ClosedRange<Int>) -> [Balance] {
        let values: [(Balance.Covariate, (Area) -> Double)] = [(.riskPercentile, { $0.riskPercentile! }),
                                                               (.households, { $0.households! })]
        let pooledRate = { (areas: [Area]) -> Double in
            let requests = areas.reduce(0) { sum, a in before.reduce(sum) { $0 + (a.requests[$1] ?? 0) } }
            return Double(requests) / areas.reduce(0) { $0 + $1.households! } * 1000 / Double(before.count)
        }
        return values.map { covariate, value in
            let a = targeted.map(value), b = controls.map(value)
            let pooled = ((Stats.variance(a) + Stats.variance(b)) / 2).squareRoot()
            return Balance(covariate: covariate, targeted: Stats.mean(a), control: Stats.mean(b),
                           standardisedDifference: pooled > 0 ? (Stats.mean(a) - Stats.mean(b)) / pooled : nil)
        } + [Balance(covariate: .requestRateBefore, targeted: pooledRate(targeted), control: pooledRate(controls),
                     standardisedDifference: nil)]
    }

}
