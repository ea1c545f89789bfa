/// Chooses areas for a flyer campaign: the most expected at-risk households reached within a
/// budget of flyers (one per household), only where a volunteer can answer the requests the
/// flyers bring in (docs/METHOD.md §10).
public enum FlyerTargeting {
    /// Plans a campaign. `volunteers` are the points of the active volunteers (of the category)
    /// in EPSG:28992; `neighbours` the queen contiguity of `areas` (same order), needed only for
    /// a contiguity bonus; `models` the fitted at-risk models of the goal's indices.
    public static func plan(_ request: Request, areas: [Area], volunteers: [(x: Double, y: Double)],
                            neighbours: [[Int]]? = nil, models: [IndexName: AtRiskModel.Fitted]) -> Plan {
        let grid = PointGrid(volunteers, cellSize: max(request.volunteerDistance, 100))
        let catchmentGrid: PointGrid? = {
            if case let .nearVolunteers(radius) = request.catchment { return PointGrid(volunteers, cellSize: max(radius, 100)) }
            return nil
        }()
        let municipalities: Set<String>? = {
            if case let .municipalities(names) = request.catchment { return Set(names.map { $0.lowercased() }) }
            return nil
        }()

        struct Candidate {
            var index: Int
            var flyers: Int
            var expected: AtRiskModel.Share
            var value: Double
            var risk: Double
            var nearest: Double
        }
        var candidates: [Candidate] = []
        var excluded: [Exclusion: [String]] = [:]
        var withoutVolunteers: [(code: String, expectedAtRisk: Double)] = []

        for (i, area) in areas.enumerated() {
            guard let x = area.x, let y = area.y, inCatchment(area, x: x, y: y, request.catchment, municipalities,
                                                               catchmentGrid) else {
                excluded[.outsideCatchment, default: []].append(area.code)
                continue
            }
            let percentiles = request.goal.indices.compactMap { area.percentiles[$0] }
            guard percentiles.count == request.goal.indices.count else {
                excluded[.notRanked, default: []].append(area.code)
                continue
            }
            guard let households = area.households, households >= 1, households < 1e9 else {
                excluded[.noHouseholds, default: []].append(area.code)
                continue
            }
            var expected = AtRiskModel.Share.zero
            for name in request.goal.indices {
                guard let share = models[name]?.share(percentile: area.percentiles[name]!) else { continue }
                expected = expected + share.scaled(by: households)
            }
            let risk = percentiles.reduce(0, +) / Double(percentiles.count)
            guard let nearest = grid.nearest(x: x, y: y, within: request.volunteerDistance) else {
                excluded[.noVolunteerNearby, default: []].append(area.code)
                if risk >= 80 { withoutVolunteers.append((area.code, expected.central)) }
                continue
            }
            let value = request.preferUnderReached ? max(0, expected.central - Double(area.requests)) : expected.central
            candidates.append(Candidate(index: i, flyers: Int(saturating: households.rounded(.up)), expected: expected, value: value,
                                        risk: risk, nearest: nearest))
        }
        withoutVolunteers.sort { ($0.expectedAtRisk, $1.code) > ($1.expectedAtRisk, $0.code) }

        // Greedy by value per flyer (a neighbour of a chosen area boosted), skipping what no
        // longer fits, so that smaller areas fill the rest of the budget.
        let byIndex = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1.index, $0) })
        var heap = MaxHeap<HeapEntry>()
        for (c, cand) in candidates.enumerated() {
            heap.push(HeapEntry(priority: cand.value / Double(cand.flyers), code: areas[cand.index].code, candidate: c,
                                adjacentTo: nil))
        }
        var chosen: [(candidate: Int, adjacentTo: String?)] = []
        var taken = Set<Int>()
        var left = request.budget
        while let entry = heap.pop() {
            guard !taken.contains(entry.candidate) else { continue }
            let cand = candidates[entry.candidate]
            guard cand.flyers <= left else { continue }
            taken.insert(entry.candidate)
            chosen.append((entry.candidate, entry.adjacentTo))
            left -= cand.flyers
            if let bonus = request.contiguityBonus, let neighbours {
                for n in neighbours[cand.index] {
                    guard let c = byIndex[n], !taken.contains(c) else { continue }
                    let other = candidates[c]
                    heap.push(HeapEntry(priority: other.value / Double(other.flyers) * (1 + bonus), code: areas[n].code,
                                        candidate: c, adjacentTo: areas[cand.index].code))
                }
            }
        }
        // Greedy by ratio can lose to one large area that alone is worth more (the classic
        // knapsack counter-example); take that area instead when it is.
        let greedyValue = chosen.reduce(0) { $0 + candidates[$1.candidate].value }
        if let best = candidates.indices.filter({ candidates[$0].flyers <= request.budget })
            .max(by: { (candidates[$0].value, areas[candidates[$1].index].code) < (candidates[$1].value, areas[candidates[$0].index].code) }),
            candidates[best].value > greedyValue {
            chosen = [(best, nil)]
        }

        /// Expected at risk in a set of areas, per scenario of each model (a scenario's low or
        /// high holds for all areas at once, so the range is narrower than the sum of the areas').
        func expected(_ picked: [Candidate]) -> AtRiskModel.Share {
            request.goal.indices.reduce(AtRiskModel.Share.zero) { sum, name in
                guard let model = models[name] else { return sum }
                return sum + model.total(picked.map { (areas[$0.index].percentiles[name]!, areas[$0.index].households!) })
            }
        }

        var targets: [Target] = []
        var cumulative = 0
        for (rank, pick) in chosen.enumerated() {
            let cand = candidates[pick.candidate]
            let area = areas[cand.index]
            cumulative += cand.flyers
            targets.append(Target(rank: rank + 1, code: area.code, flyers: cand.flyers, cumulativeFlyers: cumulative,
                                  expectedAtRisk: cand.expected, value: cand.value, nearestVolunteer: cand.nearest,
                                  adjacentTo: pick.adjacentTo,
                                  reason: Reason(area, goal: request.goal, expected: cand.expected, flyers: cand.flyers,
                                                 adjacentTo: pick.adjacentTo, nearest: cand.nearest)))
        }

        // The naive order for comparison: highest risk first, stop at the first area that does not fit.
        var naivePicked: [Candidate] = []
        var naiveFlyers = 0
        for cand in candidates.sorted(by: { ($0.risk, areas[$1.index].code) > ($1.risk, areas[$0.index].code) }) {
            guard naiveFlyers + cand.flyers <= request.budget else { break }
            naiveFlyers += cand.flyers
            naivePicked.append(cand)
        }

        var because: NothingChosen?
        if targets.isEmpty {
            because = nothingChosen(request, candidates: candidates.map { (areas[$0.index].code, $0.flyers, $0.value) },
                                    excluded: excluded, areaCount: areas.count)
        }
        return Plan(targets: targets, budget: request.budget,
                    expectedAtRisk: expected(chosen.map { candidates[$0.candidate] }),
                    naiveExpectedAtRisk: expected(naivePicked),
                    naiveFlyers: naiveFlyers, eligible: candidates.count, excluded: excluded,
                    highRiskWithoutVolunteers: withoutVolunteers, nothingChosenBecause: because)
    }

    static func inCatchment(_ area: Area, x: Double, y: Double, _ catchment: Catchment, _ municipalities: Set<String>?,
                            _ volunteerGrid: PointGrid?) -> Bool {
        switch catchment {
        case .everywhere: return true
        case .municipalities: return area.municipality.map { municipalities!.contains($0.lowercased()) } ?? false
        case let .circle(cx, cy, radius): return ((x - cx) * (x - cx) + (y - cy) * (y - cy)).squareRoot() <= radius
        case let .nearVolunteers(radius): return volunteerGrid!.nearest(x: x, y: y, within: radius) != nil
        }
    }

    static func nothingChosen(_ request: Request, candidates: [(code: String, flyers: Int, value: Double)],
                              excluded: [Exclusion: [String]], areaCount: Int) -> NothingChosen {
        if request.budget <= 0 { return .noBudget(flyers: request.budget) }
        if candidates.isEmpty {
            let outside = excluded[.outsideCatchment]?.count ?? 0
            if outside == areaCount { return .noAreaInCatchment }
            if let none = excluded[.noVolunteerNearby], !none.isEmpty {
                return .noVolunteerNearby(metres: Int(saturating: request.volunteerDistance), areas: none.count)
            }
            return .nothingRanked(goal: request.goal)
        }
        let first = candidates.max { ($0.value / Double($0.flyers), $1.code) < ($1.value / Double($1.flyers), $0.code) }!
        let smallest = candidates.min { ($0.flyers, $0.code) < ($1.flyers, $1.code) }!
        return .budgetTooSmall(budget: request.budget, first: first.code, firstFlyers: first.flyers, smallest: smallest.code,
                               smallestFlyers: smallest.flyers)
    }

    struct HeapEntry: Comparable {
        var priority: Double
        var code: String
        var candidate: Int
        var adjacentTo: String?
        /// Higher priority first; ties by the smaller area code, for determinism.
        static func < (a: HeapEntry, b: HeapEntry) -> Bool {
            a.priority != b.priority ? a.priority < b.priority : a.code > b.code
        }
    }
}
