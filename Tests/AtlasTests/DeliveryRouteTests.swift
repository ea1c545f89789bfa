import Atlas
import Testing

/// The walking order against a brute-force oracle: every permutation of small stop sets.
@Suite struct DeliveryRouteTests {
    typealias Stop = DeliveryRoute.Stop

    /// The shortest open path over `stops` by trying every order (n ≤ 8: at most 40,320).
    static func bruteForceShortest(_ stops: [Stop]) -> Double {
        var best = Double.infinity
        var order = Array(stops.indices)
        func permute(_ k: Int) {
            if k == order.count {
                best = min(best, DeliveryRoute.length(order.map { stops[$0] }))
                return
            }
            for i in k..<order.count {
                order.swapAt(k, i)
                permute(k + 1)
                order.swapAt(k, i)
            }
        }
        permute(0)
        return best
    }

    static func randomStops(_ n: Int, _ rng: inout SplitMix64, clustered: Bool) -> [Stop] {
        (0..<n).map { i in
            // Clustered cases put the stops in two streets far apart, the hard case for a greedy walk.
            let street = clustered ? Double(i % 2) * 1500 : 0
            return Stop(code: "3317A\(Character(UnicodeScalar(65 + i)!))", letterboxes: 1 + Int(rng.next() % 40),
                        x: 100_000 + street + rng.nextUnit() * 800, y: 420_000 + rng.nextUnit() * 800)
        }
    }

    @Test func walkingOrderIsWithinAQuarterOfTheOptimumOnSmallCases() {
        var rng = SplitMix64(seed: 2026)
        var worst = 1.0
        var optimal = 0
        for trial in 0..<400 {
            let n = 3 + trial % 6  // 3 … 8 stops
            let stops = Self.randomStops(n, &rng, clustered: trial % 3 == 0)
            let order = DeliveryRoute.walkingOrder(stops)
            // A permutation of the stops: none lost, none twice.
            #expect(order.map(\.code).sorted() == stops.map(\.code).sorted())
            let ratio = DeliveryRoute.length(order) / Self.bruteForceShortest(stops)
            #expect(ratio <= 1.25, "trial \(trial): \(ratio)")
            #expect(ratio >= 1 - 1e-9)
            worst = max(worst, ratio)
            if ratio < 1 + 1e-9 { optimal += 1 }
        }
        // Nearest neighbour from every start with 2-opt finds the optimum on nearly all of them.
        #expect(optimal >= 380, "optimal in \(optimal) of 400, worst ratio \(worst)")
    }

    @Test func everyRoundIsWithinAQuarterOfItsOptimumAndWithinTheSize() {
        var rng = SplitMix64(seed: 17)
        for trial in 0..<60 {
            let stops = Self.randomStops(20, &rng, clustered: trial % 2 == 0)
            let size = 60 + Int(rng.next() % 120)
            let rounds = DeliveryRoute.rounds(stops, size: size)
            // Every stop in exactly one round; the letterboxes add up.
            #expect(rounds.flatMap(\.stops).map(\.code).sorted() == stops.map(\.code).sorted())
            #expect(rounds.reduce(0) { $0 + $1.letterboxes } == stops.reduce(0) { $0 + $1.letterboxes })
            for round in rounds {
                #expect(round.letterboxes <= size || round.stops.count == 1)
                if round.stops.count <= 8 {
                    #expect(round.metres <= 1.25 * Self.bruteForceShortest(round.stops) + 1e-9)
                }
            }
        }
    }

    @Test func aStopAboveTheSizeGetsARoundOfItsOwn() {
        let stops = [Stop(code: "A", letterboxes: 500, x: 0, y: 0), Stop(code: "B", letterboxes: 10, x: 100, y: 0),
                     Stop(code: "C", letterboxes: 10, x: 200, y: 0)]
        let rounds = DeliveryRoute.rounds(stops, size: 300)
        #expect(rounds.map { $0.stops.map(\.code) } == [["A"], ["B", "C"]])
        #expect(rounds.map(\.metres) == [0, 100])
    }

    @Test func aStraightStreetIsWalkedEndToEnd() {
        // Shuffled points on a line: the only shortest open path walks from one end to the other.
        let xs: [Double] = [300, 0, 500, 100, 400, 200]
        let stops = xs.enumerated().map { Stop(code: "P\($0.offset)", letterboxes: 1, x: $0.element, y: 0) }
        let order = DeliveryRoute.walkingOrder(stops)
        #expect(DeliveryRoute.length(order) == 500)
        #expect(Set([order.first!.x, order.last!.x]) == [0, 500])
    }

    @Test func apportionAddsUpAndFollowsTheWeights() {
        #expect(DeliveryRoute.apportion(10, weights: [1, 1, 1]) == [4, 3, 3])  // ties to the earlier part
        #expect(DeliveryRoute.apportion(100, weights: [50, 30, 20]) == [50, 30, 20])
        #expect(DeliveryRoute.apportion(7, weights: [nil, 10, 30]) == [2, 1, 4])  // a secret weight: the mean, 20
        #expect(DeliveryRoute.apportion(5, weights: [nil, nil]) == [3, 2])
        #expect(DeliveryRoute.apportion(0, weights: [5, 5]) == [0, 0])
        #expect(DeliveryRoute.apportion(9, weights: [0, 0, 0]) == [3, 3, 3])
        #expect(DeliveryRoute.apportion(4, weights: []) == [])
        // Random cases: the parts add up, and each is within one of its exact share (largest remainder).
        var rng = SplitMix64(seed: 3)
        for _ in 0..<500 {
            let n = 1 + Int(rng.next() % 30)
            let weights: [Double?] = (0..<n).map { _ in rng.next() % 7 == 0 ? nil : rng.nextUnit() * 200 }
            let total = Int(rng.next() % 5000)
            let parts = DeliveryRoute.apportion(total, weights: weights)
            #expect(parts.reduce(0, +) == total)
            #expect(parts.allSatisfy { $0 >= 0 })
            let known = weights.compactMap { $0 }
            let mean = known.isEmpty ? 1 : known.reduce(0, +) / Double(known.count)
            let w = weights.map { $0 ?? mean }
            let sum = w.reduce(0, +)
            guard sum > 0 else { continue }
            for (part, weight) in zip(parts, w) {
                #expect(abs(Double(part) - Double(total) * weight / sum) < 1 + 1e-9)
            }
        }
    }
}

@Suite struct DeliveryListTests {
    static func target(_ rank: Int, _ code: String, flyers: Int) -> FlyerTargeting.Target {
        FlyerTargeting.Target(rank: rank, code: code, flyers: flyers, cumulativeFlyers: 0,
                              expectedAtRisk: .init(central: 0, low: 0, high: 0), value: 0, nearestVolunteer: 0,
                              adjacentTo: nil,
                              reason: .init(percentiles: [], atRiskPerThousandFlyers: 0, underReached: false, adjacentTo: nil,
                                            volunteerWithinMetres: 0))
    }

    @Test func aPC4TargetIsSplitOverItsPostcodesAndAddsUpToItsFlyers() {
        var pc6: [DeliveryList.PostcodeArea] = []
        for i in 0..<30 {
            let code = "3317" + String(UnicodeScalar(UInt8(65 + i / 26))) + String(UnicodeScalar(UInt8(65 + i % 26)))
            let households: Double? = i % 5 == 0 ? nil : Double(10 + i)
            pc6.append(DeliveryList.PostcodeArea(code: code, households: households, x: Double(i % 6) * 90, y: Double(i / 6) * 70))
        }
        pc6.append(DeliveryList.PostcodeArea(code: "3318AA", households: 900, x: 0, y: 0))  // another PC4: not in 3317's list
        let lists = DeliveryList.forAreaTargets([Self.target(1, "3317", flyers: 1234), Self.target(2, "3319", flyers: 55)],
                                                municipalities: ["3317": "Dordrecht"], points: ["3319": (5, 5)],
                                                pc6: pc6, roundSize: 300)
        #expect(lists.count == 2)
        let first = lists[0]
        #expect(first.source == .pc6Areas && first.municipality == "Dordrecht")
        #expect(first.letterboxes == 1234)
        #expect(first.rounds.allSatisfy { $0.letterboxes <= 300 })
        #expect(first.rounds.count >= 5)
        #expect(first.rounds.flatMap(\.stops).allSatisfy { $0.code.hasPrefix("3317") })
        // No PC6 areas for 3319: one stop, the whole area, at its own point.
        #expect(lists[1].source == .wholeArea)
        #expect(lists[1].rounds.map { $0.stops.map(\.code) } == [["3319"]])
        #expect(lists[1].letterboxes == 55)
    }

    @Test func aPC6PlanIsGroupedByPC4InRankOrder() {
        let targets = [Self.target(1, "3317AB", flyers: 40), Self.target(2, "3312CD", flyers: 25),
                       Self.target(3, "3317AC", flyers: 30)]
        let points: [String: (x: Double, y: Double)] = ["3317AB": (0, 0), "3312CD": (9000, 0), "3317AC": (120, 50)]
        let lists = DeliveryList.forPostcodeTargets(targets, municipalities: [:], points: points, roundSize: 300)
        #expect(lists.map(\.code) == ["3317", "3312"])
        #expect(lists.map(\.letterboxes) == [70, 25])
        #expect(lists[0].source == .pc6Targets)
        #expect(lists[0].rounds.count == 1 && lists[0].rounds[0].metres == 130)
    }
}
