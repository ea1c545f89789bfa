/// The inputs and the result of a flyer plan.
extension FlyerTargeting {
    /// Which risk the campaign targets. `combined` adds the expected households at risk of debt
    /// and of severe loneliness (a household at risk of both counts twice: it has two needs).
    public enum Goal: String, Sendable, CaseIterable, Codable {
        case debt, loneliness, combined
        public var indices: [IndexName] {
            switch self {
            case .debt: return [.debt]
            case .loneliness: return [.loneliness]
            case .combined: return IndexName.allCases
            }
        }
    }

    /// Where the campaign may go.
    public enum Catchment: Sendable, Equatable {
        case everywhere
        /// Areas whose municipality is one of these names (compared without case).
        case municipalities([String])
        /// Areas whose point lies within `radius` metres of (x, y), EPSG:28992.
        case circle(x: Double, y: Double, radius: Double)
        /// Areas within `radius` metres of an active volunteer (of the campaign's category).
        case nearVolunteers(radius: Double)
    }

    public struct Request: Sendable {
        public var budget: Int
        public var goal: Goal
        public var catchment: Catchment
        /// An area is a target only if an active volunteer lives within this distance (metres).
        public var volunteerDistance: Double
        /// Value = expected at-risk households minus the help requests already from the area.
        public var preferUnderReached: Bool
        /// When set, an area next to one already chosen counts this much more (0.25 = +25%).
        public var contiguityBonus: Double?

        public init(budget: Int, goal: Goal, catchment: Catchment = .everywhere, volunteerDistance: Double = 3000,
                    preferUnderReached: Bool = false, contiguityBonus: Double? = nil) {
            self.budget = budget
            self.goal = goal
            self.catchment = catchment
            self.volunteerDistance = volunteerDistance
            self.preferUnderReached = preferUnderReached
            self.contiguityBonus = contiguityBonus
        }
    }

    /// One area as the planner sees it.
    public struct Area: Sendable {
        public var code: String
        public var municipality: String?
        public var households: Double?
        public var x: Double?
        public var y: Double?
        /// Percentiles of the ranked indices (index name → 0–100).
        public var percentiles: [IndexName: Double]
        /// Help requests from the area in the stored history.
        public var requests: Int
        public var underReached: Bool

        public init(code: String, municipality: String?, households: Double?, x: Double?, y: Double?,
                    percentiles: [IndexName: Double], requests: Int, underReached: Bool) {
            self.code = code
            self.municipality = municipality
            self.households = households
            self.x = x
            self.y = y
            self.percentiles = percentiles
            self.requests = requests
            self.underReached = underReached
        }
    }

    public struct Target: Sendable, Equatable {
        public var rank: Int
        public var code: String
        public var flyers: Int
        public var cumulativeFlyers: Int
        public var expectedAtRisk: AtRiskModel.Share
        /// What the selection maximised (expected at risk, less requests when preferring under-reached).
        public var value: Double
        public var nearestVolunteer: Double
        /// Chosen as a neighbour of an earlier target (with a contiguity bonus).
        public var adjacentTo: String?
        public var reason: Reason

        public init(rank: Int, code: String, flyers: Int, cumulativeFlyers: Int, expectedAtRisk: AtRiskModel.Share,
                    value: Double, nearestVolunteer: Double, adjacentTo: String?, reason: Reason) {
            self.rank = rank
            self.code = code
            self.flyers = flyers
            self.cumulativeFlyers = cumulativeFlyers
            self.expectedAtRisk = expectedAtRisk
            self.value = value
            self.nearestVolunteer = nearestVolunteer
            self.adjacentTo = adjacentTo
            self.reason = reason
        }
    }

    public enum Exclusion: String, Sendable, CaseIterable {
        case outsideCatchment = "outside_catchment"
        case notRanked = "not_ranked"
        case noHouseholds = "no_households"
        case noVolunteerNearby = "no_volunteer_nearby"
    }

    public struct Plan: Sendable {
        public var targets: [Target]
        public var budget: Int
        public var flyers: Int { targets.last?.cumulativeFlyers ?? 0 }
        /// Expected at-risk households in the chosen areas (central, low, high).
        public var expectedAtRisk: AtRiskModel.Share
        /// The same for the naive order (highest risk first, stop at the first area that does not fit).
        public var naiveExpectedAtRisk: AtRiskModel.Share
        public var naiveFlyers: Int
        public var eligible: Int
        public var excluded: [Exclusion: [String]]
        /// High-risk areas (percentile ≥ 80) left out because no volunteer lives nearby, with
        /// their expected households at risk, highest first.
        public var highRiskWithoutVolunteers: [(code: String, expectedAtRisk: Double)]
        /// Why nothing was chosen, when nothing was.
        public var nothingChosenBecause: NothingChosen?

        public init(targets: [Target], budget: Int, expectedAtRisk: AtRiskModel.Share, naiveExpectedAtRisk: AtRiskModel.Share,
                    naiveFlyers: Int, eligible: Int, excluded: [Exclusion: [String]],
                    highRiskWithoutVolunteers: [(code: String, expectedAtRisk: Double)], nothingChosenBecause: NothingChosen?) {
            self.targets = targets
            self.budget = budget
            self.expectedAtRisk = expectedAtRisk
            self.naiveExpectedAtRisk = naiveExpectedAtRisk
            self.naiveFlyers = naiveFlyers
            self.eligible = eligible
            self.excluded = excluded
            self.highRiskWithoutVolunteers = highRiskWithoutVolunteers
            self.nothingChosenBecause = nothingChosenBecause
        }
    }
}
