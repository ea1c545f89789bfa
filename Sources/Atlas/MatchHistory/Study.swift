/// A study period: every figure of an impact study such as Hulplijn Dordt's (2023) for the
/// requests that came in from `from` to `to` (both included), in one location or in all.
public struct StudyPeriod: Sendable, Equatable {
    public var from: Day
    public var to: Day
    /// A location's name, or `Vocabulary.reservedLocation` for all of them.
    public var location: String
    /// A subcategory is shown on its own only with at least this many help requests.
    public var minCases: Int

    public init(from: Day, to: Day, location: String = Vocabulary.reservedLocation, minCases: Int = 20) {
        self.from = from
        self.to = to
        self.location = location
        self.minCases = minCases
    }

    public func contains(_ day: Day) -> Bool { day >= from && day <= to }

    /// The requests of the period (and location).
    public func requests(_ all: [HelpRequest]) -> [HelpRequest] {
        all.filter { contains($0.createdAt) && (location == Vocabulary.reservedLocation || $0.location == location) }
    }

    /// Every month the period touches, with the days of it that the period covers.
    public var months: [(index: Int, first: Day, last: Day, partial: Bool)] {
        guard from <= to else { return [] }
        return (from.monthIndex...to.monthIndex).map { m in
            let (year, month) = (m / 12, m % 12 + 1)
            let start = Day(year: year, month: month, day: 1)!
            let end = Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
            let first = max(start, from), last = min(end, to)
            return (m, first, last, first != start || last != end)
        }
    }

    /// Every quarter the period touches, and whether it lies wholly inside.
    public var quarters: [(label: String, whole: Bool)] {
        guard from <= to else { return [] }
        return (from.quarterIndex...to.quarterIndex).map { q in
            let bounds = Day.quarterBounds(q)
            return (Day.quarterLabel(q), bounds.first >= from && bounds.last <= to)
        }
    }
}

/// The figures of a study period, computed from the match history (docs/METHOD.md §12).
public enum Study {
    public static let periodLabel = "study"
    public static let unknown = "unknown"
    public static let otherSubcategory = "overig"

    public struct Summary: Sendable, Equatable {
        public var questions = 0
        public var infoRequests = 0
        public var helpRequests = 0
        /// Help requests referred to an external organisation (status doorverwezen).
        public var referred = 0
    }

    /// Help requests and their outcomes for all of them, a category or a subcategory.
    public struct OutcomeRow: Sendable, Equatable {
        public var grouping: String
        public var group: String
        public var requests = 0
        public var matched = 0
        public var notMatched = 0
        public var open = 0
        /// Days from the request to its match, for matched requests with a closing date.
        public var daysToMatch: [Int] = []
        public var decided: Int { matched + notMatched }
        public var medianDaysToMatch: Double? { Stats.median(daysToMatch.map(Double.init)) }
        public var matchRateInterval: (low: Double, high: Double)? {
            ConfidenceIntervals.wilson(successes: matched, trials: decided)
        }
    }

    public struct Month: Sendable, Equatable {
        public var label: String
        public var first: Day
        public var last: Day
        /// The period covers only part of the month: left out of the trend.
        public var partial: Bool
        public var infoRequests = 0
        public var helpRequests = 0
        public var total: Int { infoRequests + helpRequests }
    }

    /// A count of one value of a dimension in the study period or in one of its years.
    public struct BreakdownRow: Sendable, Equatable {
        public var period: String
        public var dimension: String
        public var value: String
        public var count: Int
    }

    /// The requests a church's volunteers answered (matched) in the period, by category
    /// (`all`: every category), and its volunteers active in the period.
    public struct ChurchRow: Sendable, Equatable {
        public var church: String
        public var category: String
        public var answered: Int
        public var volunteers: Int?
    }

    public struct Result: Sendable {
        public var period: StudyPeriod
        public var summary: Summary
        public var outcomes: [OutcomeRow]
        public var months: [Month]
        /// The least-squares line of the monthly totals over the whole months (x = months since the first).
        public var trend: ConfidenceIntervals.SlopeFit?
        /// x of each month in `trend` (nil: a partial month, not fitted).
        public var trendX: [Double?]
        public var breakdowns: [BreakdownRow]
        public var churches: [ChurchRow]
    }

    /// The dimensions of the breakdowns and the help requests each is taken of.
    public static let dimensions = ["requester_type", "requester_gender", "requester_age_band", "organisation", "referral_kind"]

    public static func compute(_ all: [HelpRequest], helpers: [Helper], period: StudyPeriod, rule: OutcomeRule) -> Result {
        let requests = period.requests(all)
        var summary = Summary()
        var months = period.months.map { Month(label: Day.monthLabel($0.index), first: $0.first, last: $0.last, partial: $0.partial) }
        let monthPosition = Dictionary(uniqueKeysWithValues: period.months.enumerated().map { ($1.index, $0) })
        var overall = OutcomeRow(grouping: "all", group: "all")
        var categories = Dictionary(uniqueKeysWithValues: Category.allCases.map {
            ($0, OutcomeRow(grouping: "category", group: $0.rawValue))
        })
        var subcategories: [String: OutcomeRow] = [:]
        var counts: [String: [String: Int]] = [:]  // period|dimension → value → count
        func add(_ value: String, _ dimension: String, _ periods: [String]) {
            for p in periods { counts["\(p)|\(dimension)", default: [:]][value, default: 0] += 1 }
        }
        for r in requests {
            if let m = monthPosition[r.createdAt.monthIndex] {
                if r.kind == .hulpvraag { months[m].helpRequests += 1 } else { months[m].infoRequests += 1 }
            }
            guard r.kind == .hulpvraag else { summary.infoRequests += 1; continue }
            summary.helpRequests += 1
            if r.status == .doorverwezen { summary.referred += 1 }
            let outcome = rule.outcome(of: r.status)
            let days = outcome == .matched ? r.closedAt.map { $0 - r.createdAt } : nil
            func count(_ row: inout OutcomeRow) {
                row.requests += 1
                switch outcome {
                case .matched: row.matched += 1
                case .notMatched: row.notMatched += 1
                case .open: row.open += 1
                }
                if let days { row.daysToMatch.append(days) }
            }
            count(&overall)
            if let c = r.category { count(&categories[c]!) }
            if let s = r.subcategory.map(Vocabulary.normalise), !s.isEmpty {
                count(&subcategories[s, default: OutcomeRow(grouping: "subcategory", group: s)])
            }
            add(r.requesterType?.rawValue ?? unknown, "requester_type", [periodLabel, String(r.createdAt.year)])
            add(r.requesterGender?.rawValue ?? unknown, "requester_gender", [periodLabel])
            add(r.requesterAgeBand?.rawValue ?? unknown, "requester_age_band", [periodLabel])
            if outcome == .matched { add(r.organisation ?? unknown, "organisation", [periodLabel]) }
            if r.status == .doorverwezen { add(r.referralKind?.rawValue ?? unknown, "referral_kind", [periodLabel]) }
        }
        summary.questions = summary.infoRequests + summary.helpRequests

        // Subcategories with enough cases and a label that is a word, not a text: the rest as one group.
        var shown: [OutcomeRow] = []
        var other = OutcomeRow(grouping: "subcategory", group: otherSubcategory)
        for (name, row) in subcategories.sorted(by: { $0.key < $1.key }) {
            if row.requests >= period.minCases, isLabel(name), name != otherSubcategory { shown.append(row) } else {
                other.requests += row.requests
                other.matched += row.matched
                other.notMatched += row.notMatched
                other.open += row.open
                other.daysToMatch += row.daysToMatch
            }
        }
        if other.requests > 0 { shown.append(other) }
        let outcomes = [overall] + Category.allCases.map { categories[$0]! } + shown

        let years = Set(requests.filter { $0.kind == .hulpvraag }.map(\.createdAt.year)).sorted().map(String.init)
        var breakdowns: [BreakdownRow] = []
        for dimension in dimensions {
            for p in [periodLabel] + (dimension == "requester_type" ? years : []) {
                for (value, n) in (counts["\(p)|\(dimension)"] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    breakdowns.append(BreakdownRow(period: p, dimension: dimension, value: value, count: n))
                }
            }
        }

        let fitted = months.indices.filter { !months[$0].partial }
        let firstFitted = fitted.first ?? 0
        let trendX: [Double?] = months.indices.map { months[$0].partial ? nil : Double($0 - firstFitted) }
        let trend = ConfidenceIntervals.slope(x: fitted.map { Double($0 - firstFitted) }, y: fitted.map { Double(months[$0].total) })

        return Result(period: period, summary: summary, outcomes: outcomes, months: months, trend: trend, trendX: trendX,
                      breakdowns: breakdowns, churches: churchOverview(requests, helpers: helpers, period: period, rule: rule))
    }

    /// A subcategory name that can be published as a label: a short word or two of letters and
    /// digits (a longer or odd text is free text, which no output carries).
    static func isLabel(_ name: String) -> Bool {
        name.count <= 40 && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Per church: the requests its volunteers answered, by category, and its active volunteers.
    static func churchOverview(_ requests: [HelpRequest], helpers: [Helper], period: StudyPeriod,
                               rule: OutcomeRule) -> [ChurchRow] {
        let churchOf = Dictionary(helpers.compactMap { h in h.church.map { (h.id, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !churchOf.isEmpty else { return [] }
        var answered: [String: [Category: Int]] = [:]
        for r in requests where r.kind == .hulpvraag && rule.outcome(of: r.status) == .matched {
            guard let id = r.helperID, let church = churchOf[id], let c = r.category else { continue }
            answered[church, default: [:]][c, default: 0] += 1
        }
        var volunteers: [String: Int] = [:]
        for h in helpers where h.isActive(from: period.from, to: period.to) {
            guard let church = h.church, period.location == Vocabulary.reservedLocation || h.location == period.location else { continue }
            volunteers[church, default: 0] += 1
        }
        return Set(answered.keys).union(volunteers.keys).sorted().flatMap { church -> [ChurchRow] in
            let byCategory = answered[church] ?? [:]
            return [ChurchRow(church: church, category: "all", answered: byCategory.values.reduce(0, +),
                              volunteers: volunteers[church] ?? 0)]
                + Category.allCases.map { ChurchRow(church: church, category: $0.rawValue, answered: byCategory[$0] ?? 0) }
        }
    }
}
