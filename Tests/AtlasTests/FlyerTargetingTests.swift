import Atlas
import Testing

@Suite struct AtRiskModelTests {
    @Test func inverseNormal() {
        #expect(abs(AtRiskModel.inverseNormalCDF(0.975) - 1.959964) < 1e-6)
        #expect(abs(AtRiskModel.inverseNormalCDF(0.5)) < 1e-12)
        #expect(abs(AtRiskModel.inverseNormalCDF(0.01) + 2.326348) < 1e-6)
        #expect(abs(AtRiskModel.inverseNormalCDF(0.9999) - 3.719016) < 1e-5)
    }

    @Test func calibratedToThePrevalence() throws {
        var areas: [(percentile: Double, households: Double)] = []
        for i in 0..<100 {
            let households = Double(500 + 37 * (i % 11))
            areas.append((Double(i) + 0.5, households))
        }
        let fitted = try #require(AtRiskModel.debt.fit(areas))
        let total = areas.reduce(0) { $0 + $1.households }
        let expected = areas.reduce(0) { $0 + $1.households * fitted.share(percentile: $1.percentile).central }
        #expect(abs(expected / total - 0.083) < 1e-9)
        // Higher rank, higher share; the scenario range holds the central value.
        var previous = 0.0
        for p in stride(from: 1.0, through: 99, by: 7) {
            let s = fitted.share(percentile: p)
            #expect(s.central > previous)
            #expect(s.low <= s.central && s.central <= s.high)
            previous = s.central
        }
        // The top area is at most about twice the prevalence (b = 0.26 per standard deviation).
        #expect(fitted.share(percentile: 99.5).central < 0.16)
        #expect(AtRiskModel.debt.fit([]) == nil)
    }
}

@Suite struct FlyerTargetingTests {
    static func area(_ code: String, households: Double, debt: Double, x: Double = 100_000, y: Double = 400_000,
                     municipality: String = "Dordrecht", requests: Int = 0) -> FlyerTargeting.Area {
        FlyerTargeting.Area(code: code, municipality: municipality, households: households, x: x, y: y,
                            percentiles: [.debt: debt], requests: requests, underReached: false)
    }

    static func models(_ areas: [FlyerTargeting.Area]) -> [IndexName: AtRiskModel.Fitted] {
        [.debt: AtRiskModel.debt.fit(areas.map { ($0.percentiles[.debt]!, $0.households!) })!]
    }

    static let volunteerHere = [(x: 100_000.0, y: 400_000.0)]

    @Test func budgetSmallerThanTheFirstAreaSelectsNothingAndSaysWhy() throws {
        let areas = [Self.area("3311", households: 900, debt: 95), Self.area("3312", households: 1200, debt: 60)]
        let plan = FlyerTargeting.plan(.init(budget: 500, goal: .debt), areas: areas, volunteers: Self.volunteerHere,
                                       models: Self.models(areas))
        #expect(plan.targets.isEmpty)
        #expect(plan.flyers == 0)
        let because = try #require(plan.nothingChosenBecause)
        #expect(because == .budgetTooSmall(budget: 500, first: "3311", firstFlyers: 900, smallest: "3311", smallestFlyers: 900))
        #expect(because.description.contains("budget of 500 flyers is smaller than every eligible area"))
        #expect(because.description.contains("3311, needs 900 flyers"))
    }

    @Test func beatsHighestRiskFirstWhereTheyDiffer() {
        // Highest risk first takes 3311 (900) and stops at 3312 (200 > 100 left); the planner
        // skips 3312 and fills the budget with 3313.
        let areas = [Self.area("3311", households: 900, debt: 95), Self.area("3312", households: 200, debt: 94),
                     Self.area("3313", households: 100, debt: 93), Self.area("3314", households: 3000, debt: 10)]
        let plan = FlyerTargeting.plan(.init(budget: 1000, goal: .debt), areas: areas, volunteers: Self.volunteerHere,
                                       models: Self.models(areas))
        #expect(plan.targets.map(\.code) == ["3311", "3313"])
        #expect(plan.flyers == 1000)
        #expect(plan.naiveFlyers == 900)
        #expect(plan.expectedAtRisk.central > plan.naiveExpectedAtRisk.central)
    }

    @Test func oneLargeAreaBeatsManySmallOnesWhenItIsWorthMore() {
        // By value per flyer the small area comes first and leaves no room for the large one.
        let areas = [Self.area("3311", households: 10, debt: 99), Self.area("3312", households: 1000, debt: 98),
                     Self.area("3313", households: 5000, debt: 1)]
        let plan = FlyerTargeting.plan(.init(budget: 1000, goal: .debt), areas: areas, volunteers: Self.volunteerHere,
                                       models: Self.models(areas))
        #expect(plan.targets.map(\.code) == ["3312"])
    }

    @Test func neverAnAreaWithoutAVolunteerNearby() {
        let areas = [Self.area("3311", households: 500, debt: 99, x: 150_000),  // 50 km from the volunteer
                     Self.area("3312", households: 500, debt: 50, x: 101_000)]
        let plan = FlyerTargeting.plan(.init(budget: 10_000, goal: .debt, volunteerDistance: 3000), areas: areas,
                                       volunteers: Self.volunteerHere, models: Self.models(areas))
        #expect(plan.targets.map(\.code) == ["3312"])
        #expect(plan.excluded[.noVolunteerNearby] == ["3311"])
        #expect(plan.highRiskWithoutVolunteers.map(\.code) == ["3311"])
        let none = FlyerTargeting.plan(.init(budget: 10_000, goal: .debt), areas: areas, volunteers: [],
                                       models: Self.models(areas))
        #expect(none.targets.isEmpty)
        #expect(none.nothingChosenBecause?.description.contains("nobody can answer") == true)
    }

    @Test func catchments() {
        let areas = [Self.area("3311", households: 100, debt: 90, x: 100_000, municipality: "Dordrecht"),
                     Self.area("3331", households: 100, debt: 80, x: 102_000, municipality: "Zwijndrecht"),
                     Self.area("3351", households: 100, debt: 70, x: 106_000, municipality: "Papendrecht")]
        let volunteers = [(x: 100_000.0, y: 400_000.0), (x: 106_000.0, y: 400_000.0)]
        func chosen(_ c: FlyerTargeting.Catchment) -> [String] {
            FlyerTargeting.plan(.init(budget: 1000, goal: .debt, catchment: c, volunteerDistance: 10_000), areas: areas,
                                volunteers: volunteers, models: Self.models(areas)).targets.map(\.code).sorted()
        }
        #expect(chosen(.municipalities(["zwijndrecht", "Papendrecht"])) == ["3331", "3351"])
        #expect(chosen(.circle(x: 101_000, y: 400_000, radius: 1500)) == ["3311", "3331"])
        #expect(chosen(.nearVolunteers(radius: 500)) == ["3311", "3351"])
        #expect(chosen(.everywhere) == ["3311", "3331", "3351"])
    }

    @Test func preferringUnderReachedCountsOnlyHouseholdsNotYetAsking() {
        // Same risk and size, but one area already sends many requests.
        let areas = [Self.area("3311", households: 500, debt: 90, requests: 40), Self.area("3312", households: 500, debt: 90)]
        let prefer = FlyerTargeting.plan(.init(budget: 500, goal: .debt, preferUnderReached: true), areas: areas,
                                         volunteers: Self.volunteerHere, models: Self.models(areas))
        #expect(prefer.targets.map(\.code) == ["3312"])
        let plain = FlyerTargeting.plan(.init(budget: 500, goal: .debt, preferUnderReached: false), areas: areas,
                                        volunteers: Self.volunteerHere, models: Self.models(areas))
        #expect(plain.targets.map(\.code) == ["3311"])  // tie broken by code
    }

    @Test func contiguityBonusPrefersANeighbour() {
        // 3313 is slightly riskier than 3312, but 3312 borders the first choice.
        let areas = [Self.area("3311", households: 100, debt: 99), Self.area("3312", households: 100, debt: 80),
                     Self.area("3313", households: 100, debt: 81)]
        let neighbours = [[1], [0], []]
        let without = FlyerTargeting.plan(.init(budget: 200, goal: .debt), areas: areas, volunteers: Self.volunteerHere,
                                          neighbours: neighbours, models: Self.models(areas))
        #expect(without.targets.map(\.code) == ["3311", "3313"])
        let with = FlyerTargeting.plan(.init(budget: 200, goal: .debt, contiguityBonus: 0.25), areas: areas,
                                       volunteers: Self.volunteerHere, neighbours: neighbours, models: Self.models(areas))
        #expect(with.targets.map(\.code) == ["3311", "3312"])
        #expect(with.targets[1].adjacentTo == "3311")
    }

    @Test func neverExceedsTheBudget() {
        // 300 random instances (seeded): the chosen flyers stay within budget, cumulative
        // flyers add up, and the plan reaches at least as many as highest risk first.
        var seed: UInt64 = 42
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        for _ in 0..<300 {
            let n = 2 + Int(next() * 40)
            let areas = (0..<n).map { i in
                Self.area(String(1000 + i), households: 1 + (next() * 3000).rounded(), debt: next() * 100)
            }
            let budget = Int(next() * 20_000)
            let plan = FlyerTargeting.plan(.init(budget: budget, goal: .debt), areas: areas, volunteers: Self.volunteerHere,
                                           models: Self.models(areas))
            #expect(plan.flyers <= budget)
            #expect(plan.targets.reduce(0) { $0 + $1.flyers } == plan.flyers)
            #expect(Set(plan.targets.map(\.code)).count == plan.targets.count)
            #expect(plan.expectedAtRisk.central >= plan.naiveExpectedAtRisk.central - 1e-9)
            // The plan's range is per scenario: inside the sum of the areas' own ranges.
            let e = plan.expectedAtRisk
            #expect(e.low <= e.central + 1e-9 && e.central <= e.high + 1e-9)
            #expect(e.low >= plan.targets.reduce(0) { $0 + $1.expectedAtRisk.low } - 1e-6)
            #expect(e.high <= plan.targets.reduce(0) { $0 + $1.expectedAtRisk.high } + 1e-6)
            #expect(abs(e.central - plan.targets.reduce(0) { $0 + $1.expectedAtRisk.central }) < 1e-6)
        }
    }
}

@Suite struct RecruitmentOrderTests {
    static func area(_ code: String, volunteering: Double?) -> AreaRecord {
        AreaRecord(code: code, level: .pc4, year: 2020, municipality: nil, areaM2: 1, pointX: 0, pointY: 0,
                   values: volunteering.map { [RecruitmentOrder.volunteeringColumn: .number($0)] } ?? [:])
    }

    @Test func measuredVolunteeringComesFirstThenDemand() {
        let areas = [Self.area("1000", volunteering: 20), Self.area("2000", volunteering: 30), Self.area("3000", volunteering: nil),
                     Self.area("4000", volunteering: 30)]
        let (ranked, byVolunteering) = RecruitmentOrder.rank(
            [("1000", 50), ("2000", 10), ("3000", 99), ("4000", 12)], areas: areas)
        #expect(byVolunteering)
        #expect(ranked.map(\.code) == ["4000", "2000", "1000", "3000"])
    }

    @Test func withoutMeasuresTheDemandOrderIsKept() {
        let (ranked, byVolunteering) = RecruitmentOrder.rank([("1000", 5), ("2000", 9)],
                                                             areas: [Self.area("1000", volunteering: nil)])
        #expect(!byVolunteering && ranked.map(\.code) == ["1000", "2000"])
    }
}

@Suite struct PointGridHostileNumbersTests {
    /// nan, infinite and negative distances (once a trap) give no answer, never a crash.
    @Test func nonFiniteOrNegativeDistancesAnswerNothing() {
        let points = [(x: 100_000.0, y: 400_000.0)]
        for size in [Double.nan, -1, 0, .infinity] {
            let grid = PointGrid(points, cellSize: size)
            #expect(grid.nearest(x: 100_010, y: 400_000, within: 3000) == 10)
        }
        let grid = PointGrid(points, cellSize: 3000)
        for limit in [Double.nan, -1, -.infinity, .infinity] {
            #expect(grid.nearest(x: 100_010, y: 400_000, within: limit) == nil)
        }
    }
}
