/// The results a run keeps (in the store) and the outputs show: value types, shared by the
/// store that persists them and the reports that render them.

/// Counts per indicator column, as stored in `indicators`.
public struct IndicatorSummary: Sendable, Equatable {
    public var name: String
    public var source: String
    public var numbers: Int
    public var special: Int
    public var empty: Int
    public init(name: String, source: String, numbers: Int, special: Int, empty: Int) {
        self.name = name
        self.source = source
        self.numbers = numbers
        self.special = special
        self.empty = empty
    }
}

/// One stored area set (a level and year of areas).
public struct AreaSetInfo: Sendable, Equatable {
    public var level: AreaLevel
    public var year: Int
    public var source: String
    public var sourceCRS: String
    public var areaCount: Int
    public var label: String { "\(level.rawValue) \(year)" }

    public init(level: AreaLevel, year: Int, source: String, sourceCRS: String, areaCount: Int) {
        self.level = level
        self.year = year
        self.source = source
        self.sourceCRS = sourceCRS
        self.areaCount = areaCount
    }
}

/// A stored index result of one area (what areas.csv and the atlas show).
public struct StoredIndexScore: Sendable, Equatable {
    public var score: Double?
    public var percentile: Double?
    public var decile: Int?
    public var notRankedReason: NotRankedReason?
    public var missingComponents: [String]
    public var percentileP5: Double?
    public var percentileP95: Double?
    public var topDecileShare: Double?
    public var cluster: String?
    public var underReached: Bool?

    public init(score: Double?, percentile: Double?, decile: Int?, notRankedReason: NotRankedReason?, missingComponents: [String],
                percentileP5: Double?, percentileP95: Double?, topDecileShare: Double?, cluster: String?, underReached: Bool?) {
        self.score = score
        self.percentile = percentile
        self.decile = decile
        self.notRankedReason = notRankedReason
        self.missingComponents = missingComponents
        self.percentileP5 = percentileP5
        self.percentileP95 = percentileP95
        self.topDecileShare = topDecileShare
        self.cluster = cluster
        self.underReached = underReached
    }
}

/// What the index stage adds per area beyond the score: stability, cluster, reach flag.
public struct IndexExtras: Sendable {
    public var stability: [String: IndexStability.AreaStability]
    public var clusters: [String: SpatialAutocorrelation.Local]
    public var underReached: Set<String>?
    public var measures: [(String, Double?)]
    public init(stability: [String: IndexStability.AreaStability], clusters: [String: SpatialAutocorrelation.Local],
                underReached: Set<String>?, measures: [(String, Double?)]) {
        self.stability = stability
        self.clusters = clusters
        self.underReached = underReached
        self.measures = measures
    }
}

/// A flyer plan as stored: what was asked, what was chosen, and what was left out.
public struct StoredTargetPlan: Sendable {
    public var goal: FlyerTargeting.Goal
    public var budget: Int
    /// How the catchment was given (municipalities, a circle around a postcode, …).
    public var catchment: FlyerTargeting.CatchmentChoice
    public var volunteerDistance: Double
    public var category: Category?
    public var preferUnderReached: Bool
    public var contiguityBonus: Double?
    public var plan: FlyerTargeting.Plan

    public init(goal: FlyerTargeting.Goal, budget: Int, catchment: FlyerTargeting.CatchmentChoice, volunteerDistance: Double, category: Category?,
                preferUnderReached: Bool, contiguityBonus: Double?, plan: FlyerTargeting.Plan) {
        self.goal = goal
        self.budget = budget
        self.catchment = catchment
        self.volunteerDistance = volunteerDistance
        self.category = category
        self.preferUnderReached = preferUnderReached
        self.contiguityBonus = contiguityBonus
        self.plan = plan
    }
}

