@testable import Atlas
import Foundation
import Testing

/// The campaign model on the synthetic histories of Tests/Fixtures/campaign/make_campaign_panels.py
/// (100 seeds with a rate ratio of 1.3 in the targeted areas after delivery, 100 without effect),
/// against statsmodels' fit of the same model, and its calibration (docs/METHOD.md §13).
@Suite struct CampaignCalibrationTests {
    struct Case {
        var scenario: String
        var seed: Int
        var panel: DifferenceInDifferences.Panel
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/campaign")

    static func rows(_ file: String) throws -> [[String: String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            .split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",").map(String.init))) }
    }

    static let cases: [Case] = {
        guard let rows = try? rows("panels.csv") else { return [] }
        var grouped: [String: (counts: [[Int]], treated: [Bool])] = [:]
        var order: [String] = []
        for r in rows {
            let key = "\(r["scenario"]!)/\(r["seed"]!)"
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: ([], [])].counts.append(r["counts"]!.split(separator: " ").map { Int($0)! })
            grouped[key, default: ([], [])].treated.append(r["treated"] == "1")
        }
        return order.map { key in
            let parts = key.split(separator: "/")
            return Case(scenario: String(parts[0]), seed: Int(parts[1])!,
                        panel: .init(counts: grouped[key]!.counts, treated: grouped[key]!.treated, firstAfter: 12))
        }
    }()

    static func estimates() throws -> [(Case, DifferenceInDifferences.Estimate, [String: String])] {
        let expected = Dictionary(uniqueKeysWithValues: try rows("expected.csv").map { ("\($0["scenario"]!)/\($0["seed"]!)", $0) })
        return try cases.map { c in
            let e = try DifferenceInDifferences.estimate(c.panel).get()
            return (c, e, expected["\(c.scenario)/\(c.seed)"]!)
        }
    }

    static func agrees(_ a: Double, _ b: Double, digits: Int = 3) -> Bool {
        abs(a - b) <= 0.5 * pow(10, -Double(digits - 1)) * max(abs(b), 1e-300) * 1.0000001 || abs(a - b) < 1e-9
    }

    @Test func estimatesAgreeWithStatsmodelsToThreeSignificantDigits() throws {
        let all = try Self.estimates()
        #expect(all.count == 200)
        for (c, e, x) in all {
            let b = Double(x["coefficient"]!)!, se = Double(x["se_cluster"]!)!
            let plain = Double(x["se_model"]!)!, quasi = Double(x["se_quasi"]!)!
            #expect(Self.agrees(e.coefficient, b), "\(c.scenario) \(c.seed): coefficient \(e.coefficient) vs \(b)")
            #expect(Self.agrees(e.clusterStandardError, se), "\(c.scenario) \(c.seed): cluster SE \(e.clusterStandardError) vs \(se)")
            #expect(Self.agrees(e.modelStandardError, plain), "\(c.scenario) \(c.seed): model SE \(e.modelStandardError) vs \(plain)")
            #expect(Self.agrees(e.quasiStandardError, quasi), "\(c.scenario) \(c.seed): quasi SE \(e.quasiStandardError) vs \(quasi)")
        }
    }

    /// The 95% interval of the rate ratio covers the true one (1.3, or 1 without effect) in at
    /// least 90 of 100 seeds.
    @Test func intervalsCoverTheTruthInNinetyOfHundredSeeds() throws {
        var covered: [String: Int] = [:]
        for (c, e, _) in try Self.estimates() {
            let truth = c.scenario == "effect" ? 1.3 : 1.0
            if e.rateRatioLow <= truth && truth <= e.rateRatioHigh { covered[c.scenario, default: 0] += 1 }
        }
        print("campaign calibration: coverage \(covered)")
        #expect(covered["effect", default: 0] >= 90)
        #expect(covered["no_effect", default: 0] >= 90)
    }

    /// A deliberately broken interval (the plain Poisson standard error, which ignores the
    /// overdispersion) fails the same check: the check can fail.
    @Test func thePlainPoissonIntervalFailsTheCoverageCheck() throws {
        var covered = 0
        for (c, e, _) in try Self.estimates() where c.scenario == "no_effect" {
            let t = try #require(ConfidenceIntervals.studentT(quantile: 0.975, degreesOfFreedom: Double(e.areas - 1)))
            if abs(e.coefficient) <= t * e.modelStandardError { covered += 1 }
        }
        #expect(covered < 90)
    }

    /// Under no effect the placebo p-value is roughly uniform: a Kolmogorov–Smirnov distance to
    /// the uniform below the 1% critical value for 100 values (1.63/√100), and about 5% below 0.05.
    @Test func placeboPValuesAreRoughlyUniformUnderNoEffect() throws {
        let none = Self.cases.filter { $0.scenario == "no_effect" }
        #expect(none.count == 100)
        var p: [Double] = []
        for c in none {
            let e = try DifferenceInDifferences.estimate(c.panel).get()
            let placebo = try #require(DifferenceInDifferences.placeboPValue(c.panel, observed: e.coefficient, runs: 49,
                                                                             seed: UInt64(c.seed)))
            #expect(placebo.runs == 49)
            p.append(placebo.p)
        }
        p.sort()
        let ks = p.enumerated().map { i, v in max(abs(Double(i + 1) / 100 - v), abs(v - Double(i) / 100)) }.max()!
        let small = p.filter { $0 <= 0.05 }.count
        print("campaign placebo: KS distance \(ks), \(small) of 100 at p ≤ 0.05")
        #expect(ks < 0.163)
        #expect(small <= 12)
        // With the effect, the placebo test finds it in most seeds.
        let effect = Self.cases.filter { $0.scenario == "effect" }.prefix(20)
        let found = try effect.filter { c in
            let e = try DifferenceInDifferences.estimate(c.panel).get()
            return DifferenceInDifferences.placeboPValue(c.panel, observed: e.coefficient, runs: 49, seed: 1)!.p <= 0.05
        }.count
        #expect(found >= 12)
    }
}
