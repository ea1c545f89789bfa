@testable import Atlas
import Foundation
import Testing

/// The campaign evaluation around the model: windows, matching, balance and the extra requests
/// per 1,000 flyers, each against a brute-force or written-out value.
@Suite struct CampaignEvaluationTests {
    static let delivered = Day(year: 2022, month: 9, day: 5)!
    static let history = Day(year: 2021, month: 1, day: 1)!.monthIndex...Day(year: 2023, month: 12, day: 1)!.monthIndex

    /// Areas with a level, a Poisson-like pattern that is deterministic, and the targeted ones
    /// with `lift` after delivery.
    static func areas(_ n: Int, targeted: Set<Int>, lift: Double) -> [CampaignEvaluation.Area] {
        (0..<n).map { i in
            var rng = SplitMix64(seed: UInt64(i + 1))
            var requests: [Int: Int] = [:]
            for m in history {
                let base = 2.0 + Double(i % 5)
                let mean = base * (targeted.contains(i) && m > delivered.monthIndex ? lift : 1)
                // Poisson by inversion.
                var k = 0, p = exp(-mean), s = p
                let u = rng.nextUnit()
                while u > s, k < 200 { k += 1; p *= mean / Double(k); s += p }
                requests[m] = k
            }
            return .init(code: String(3300 + i), households: 1000 + Double(i * 37 % 400), riskPercentile: Double(i * 7 % 100),
                         requests: requests)
        }
    }

    @Test func greedyMatchingTakesTheNearestControlsWithoutReplacement() {
        let areas = Self.areas(40, targeted: [0, 1, 2], lift: 1)
        let targeted = Array(areas.prefix(3)), pool = Array(areas.dropFirst(3))
        let rate: (CampaignEvaluation.Area) -> Double = { a in Double(a.requests.values.reduce(0, +)) / a.households! }
        let chosen = CampaignEvaluation.match(targeted, pool: pool, per: 2, rate: rate)
        #expect(chosen.count == 6)
        #expect(Set(chosen.map(\.code)).count == 6)
        // Brute force: the closest pair overall is among the chosen.
        let all = (targeted + pool)
        func sd(_ x: [Double]) -> Double { Stats.variance(x).squareRoot() }
        let scale = [sd(all.map { $0.riskPercentile! }), sd(all.map { log($0.households!) }), sd(all.map(rate))]
        func d(_ a: CampaignEvaluation.Area, _ b: CampaignEvaluation.Area) -> Double {
            pow((a.riskPercentile! - b.riskPercentile!) / scale[0], 2) + pow((log(a.households!) - log(b.households!)) / scale[1], 2)
                + pow((rate(a) - rate(b)) / scale[2], 2)
        }
        let best = targeted.flatMap { t in pool.map { (d(t, $0), $0.code) } }.min { $0.0 < $1.0 }!
        #expect(chosen.contains { $0.code == best.1 })
    }

    @Test func anInjectedLiftIsFoundAndTheExtraRequestsFollowTheRateRatio() throws {
        let targeted: Set<Int> = [0, 6, 12, 18, 24, 30, 36, 42, 48, 54]
        let areas = Self.areas(80, targeted: targeted, lift: 2)
        let campaign = CampaignEvaluation.Campaign(name: "C", delivered: Self.delivered,
                                                   flyers: Dictionary(uniqueKeysWithValues: targeted.map { (String(3300 + $0), 1000) }))
        let r = CampaignEvaluation.evaluate(campaign, areas: areas, otherCampaignAreas: [], history: Self.history,
                                            settings: .init(placeboRuns: 49))
        #expect(r.notEvaluated == nil)
        let e = try #require(r.requests)
        #expect(e.estimate.rateRatioLow > 1.2 && e.estimate.rateRatioLow < 2 && e.estimate.rateRatioHigh > 2, "\(e.estimate)")
        #expect(e.placeboP.map { $0 <= 0.1 } == true)
        // extra = Y(targeted, after) · (1 − 1/RR), per 1,000 of the 10,000 flyers.
        let after = r.series.filter { r.after!.contains($0.month) }.reduce(0) { $0 + $1.targeted }
        #expect(after == e.estimate.treatedAfter)
        #expect(abs(e.perThousandFlyers - Double(after) * (1 - 1 / e.estimate.rateRatio) / 10) < 1e-9)
        #expect(r.controls.count == 30 && Set(r.controls).isDisjoint(with: Set(r.targeted)))
        #expect(r.before == (Self.delivered.monthIndex - 12)...(Self.delivered.monthIndex - 1))
        #expect(r.after == (Self.delivered.monthIndex + 1)...(Self.delivered.monthIndex + 6))
        // The balance's request rate is the group's: its requests over its households.
        let rateRow = try #require(r.balance.first { $0.covariate == .requestRateBefore })
        let tAreas = areas.filter { r.targeted.contains($0.code) }
        let before = tAreas.reduce(0) { s, a in r.before!.reduce(s) { $0 + (a.requests[$1] ?? 0) } }
        #expect(abs(rateRow.targeted - Double(before) / tAreas.reduce(0) { $0 + $1.households! } * 1000 / 12) < 1e-12)
    }

    @Test func aWindowOutsideTheHistoryIsReportedNotTrapped() {
        let areas = Self.areas(20, targeted: [0], lift: 1)
        for day in [Day(year: 2019, month: 1, day: 1)!, Day(year: 2021, month: 2, day: 1)!, Day(year: 2023, month: 11, day: 1)!,
                    Day(year: 2030, month: 1, day: 1)!] {
            let r = CampaignEvaluation.evaluate(.init(name: "C", delivered: day, flyers: ["3300": 100]), areas: areas,
                                                otherCampaignAreas: [], history: Self.history, settings: .init(placeboRuns: 0))
            guard case .shortHistory = r.notEvaluated else { Issue.record("\(day): \(String(describing: r.notEvaluated))"); continue }
        }
        let none = CampaignEvaluation.evaluate(.init(name: "C", delivered: Self.delivered, flyers: ["9999": 100]), areas: areas,
                                               otherCampaignAreas: [], history: Self.history, settings: .init())
        #expect(none.notEvaluated == .noTargetedAreas && none.leftOut == ["9999"])
        let noControls = CampaignEvaluation.evaluate(.init(name: "C", delivered: Self.delivered, flyers: ["3300": 100]), areas: areas,
                                                     otherCampaignAreas: Set(areas.map(\.code)), history: Self.history,
                                                     settings: .init())
        #expect(noControls.notEvaluated == .noControlAreas)
    }

    /// The model needs a count in each of the four groups, and 10 area-months beyond its parameters.
    @Test func panelsWithoutContrastGiveNoEstimate() {
        let empty = DifferenceInDifferences.Panel(counts: [[0, 0, 0, 0], [1, 2, 3, 4]], treated: [true, false], firstAfter: 2)
        #expect(DifferenceInDifferences.estimate(empty) == .failure(.noContrast))
        let small = DifferenceInDifferences.Panel(counts: [[1, 2, 3, 4], [1, 2, 3, 4]], treated: [true, false], firstAfter: 2)
        #expect(DifferenceInDifferences.estimate(small) == .failure(.tooFewObservations))
        let noAfter = DifferenceInDifferences.Panel(counts: Array(repeating: [3, 2, 0, 0, 0, 0, 0, 0], count: 6) + [[1, 2, 3, 4, 5, 6, 7, 8]],
                                                    treated: [true] + Array(repeating: false, count: 6), firstAfter: 2)
        #expect(DifferenceInDifferences.estimate(noAfter) == .failure(.emptyGroup))
    }
}
