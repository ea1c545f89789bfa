import Foundation
import Testing
import TestSupport

/// `hulpatlas run` on the full sample, checked cell by cell against pandas/numpy answers
/// computed independently (Tests/Fixtures/expected/make_match_history_expected.py).
@Suite struct MatchHistoryEndToEndTests {
    /// One run shared by the tests of this suite.
    static let run: (dir: TemporaryDirectory, status: Int32, stdout: String) = {
        let dir = try! TemporaryDirectory()
        let r = try! RunCommandTests.hulpatlas([
            "run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--stats", "Data/pc4_gemeente_drechtsteden.csv",
            "--requests", "Data/sample_requests.csv", "--helpers", "Data/sample_helpers.csv", "--out", dir.url.path])
        return (dir, r.status, r.stdout + r.stderr)
    }()

    func table(_ name: String) throws -> [[String: String]] {
        #expect(Self.run.status == 0, "\(Self.run.stdout)")
        return try Fixtures.readSimpleCSV(Self.run.dir.path(name))
    }

    func expected(_ name: String) throws -> [[String: String]] {
        try Fixtures.readSimpleCSV(Fixtures.path("expected/\(name)"))
    }

    /// Every row of `expected` is in `ours` (by key); every shown cell matches; a hidden cell is
    /// only hidden where suppression applies (its row is flagged). Returns the number of cells compared.
    @discardableResult
    func compare(_ ours: [[String: String]], _ expected: [[String: String]], keys: [String],
                 columns: [String: Double]) -> Int {
        let index = Dictionary(uniqueKeysWithValues: ours.map { row in (keys.map { row[$0]! }, row) })
        var compared = 0
        #expect(ours.count == expected.count, "row count")
        for e in expected {
            guard let o = index[keys.map { e[$0]! }] else {
                Issue.record("missing row \(keys.map { e[$0]! })")
                continue
            }
            for (column, tolerance) in columns {
                let mine = o[column] ?? "", theirs = e[column] ?? ""
                if mine.isEmpty {
                    if !theirs.isEmpty { #expect(o["suppressed"] == "1", "\(column) of \(keys.map { e[$0]! }) empty") }
                    continue
                }
                guard let a = Double(mine), let b = Double(theirs) else {
                    Issue.record("\(column) of \(keys.map { e[$0]! }): '\(mine)' vs '\(theirs)'")
                    continue
                }
                #expect(abs(a - b) <= tolerance, "\(column) of \(keys.map { e[$0]! }): \(a) vs \(b)")
                compared += 1
            }
        }
        return compared
    }

    @Test func distancesMatchTheIndependentComputation() throws {
        let ours = try table("distances.csv")
        let n = compare(ours, try expected("sample_distances.csv"), keys: ["grouping", "group"], columns: [
            "matches": 0, "same_area_matches": 0, "median_m": 0.5, "p75_m": 0.5, "p90_m": 0.5,
            "share_within_1km": 0.00005, "share_within_3km": 0.00005, "share_within_5km": 0.00005])
        #expect(n > 90)  // what the protection of the whole set leaves shown
        let all = try #require(ours.first { $0["grouping"] == "all" })
        #expect(all["matches"] == "814")
        #expect(all["share_within_3km"] == "0.7887")
        #expect(all["median_m"] == "1474")
        #expect(Self.run.stdout.contains("283 within one area (distance 0)"))
    }

    @Test func supplyDemandMatchesTheIndependentComputation() throws {
        let ours = try table("supply_demand.csv")
        let n = compare(ours, try expected("sample_supply_demand.csv"), keys: ["location", "period", "category"], columns: [
            "requests": 0, "matched": 0, "not_matched": 0, "open": 0, "active_helpers": 0, "median_days_to_match": 0.05])
        #expect(n > 300)  // fewer since the categories of a quarter are protected together
        #expect(ours.contains { $0["suppressed"] == "1" }, "the sample has small cells")
        // Shown rates agree with the shown counts.
        for row in ours where !(row["match_rate"] ?? "").isEmpty {
            let m = Double(row["matched"]!)!, nm = Double(row["not_matched"]!)!
            #expect(abs(Double(row["match_rate"]!)! - m / (m + nm)) < 0.00005)
        }
    }

    @Test func monthlySeriesAndTrendMatchTheIndependentComputation() throws {
        let n = compare(try table("monthly.csv"), try expected("sample_monthly.csv"), keys: ["location", "month"], columns: [
            "help_requests": 0, "info_requests": 0])
        #expect(n > 60)
        compare(try table("trend.csv"), try expected("sample_trend.csv"), keys: ["location"],
                columns: ["slope_per_month": 0.0001, "intercept": 0.0001])
        let all = try #require(try table("trend.csv").first { $0["location"] == "all" })
        #expect(all["suppressed"] == "0", "every monthly total of all locations is shown")
        #expect((Double(all["slope_per_month"] ?? "") ?? 0) > 0, "the sample's monthly trend rises")
    }

    @Test func quarterlyCountsMatchTheIndependentComputation() throws {
        let ours = try table("quarterly.csv")
        let n = compare(ours, try expected("sample_quarterly.csv"), keys: ["location", "quarter"], columns: [
            "help_requests": 0, "info_requests": 0, "matched": 0, "not_matched": 0, "open": 0, "total": 0, "match_rate": 0.00005])
        #expect(n > 250)
        // What a board needs stays shown: every quarter's help requests and match rate of all
        // locations, and of the largest location.
        for row in ours where row["location"] == "all" || row["location"] == "HipHelpt Dordrecht" {
            #expect(!(row["help_requests"] ?? "").isEmpty && !(row["match_rate"] ?? "").isEmpty, "\(row)")
        }
    }

    @Test func quarterlyDistancesMatchTheIndependentComputation() throws {
        let n = compare(try table("distances_quarterly.csv"), try expected("sample_distances_quarterly.csv"),
                        keys: ["location", "quarter", "category"],
                        columns: ["matches": 0, "median_m": 0.5, "share_within_3km": 0.00005])
        #expect(n > 100)
        let bins = compare(try table("distance_histogram_quarterly.csv"), try expected("sample_distance_histogram_quarterly.csv"),
                           keys: ["location", "quarter", "bin_from_m"], columns: ["matches": 0])
        #expect(bins > 500)
    }

    @Test func breakdownsMatchTheIndependentComputation() throws {
        let ours = try table("breakdowns.csv")
        let n = compare(ours, try expected("sample_breakdowns.csv"), keys: ["location", "period", "dimension", "value"],
                        columns: ["count": 0, "total": 0])
        #expect(n > 400)
        let practical = try #require(ours.first {
            $0["location"] == "all" && $0["period"] == "all" && $0["dimension"] == "category" && $0["value"] == "praktisch"
        })
        #expect(abs(Double(practical["share"]!)! - 0.75) < 0.02, "shaped like the Dordt study")
    }

    /// No count from 1 to 4 appears in any shared table.
    @Test func noSmallCountIsShown() throws {
        let countColumns = ["matches", "same_area_matches", "requests", "matched", "not_matched", "open", "active_helpers",
                            "help_requests", "info_requests", "total", "count"]
        for name in ["distances.csv", "distance_histogram.csv", "distances_quarterly.csv", "distance_histogram_quarterly.csv",
                     "supply_demand.csv", "monthly.csv", "quarterly.csv", "breakdowns.csv"] {
            for row in try table(name) {
                for column in countColumns {
                    if let v = row[column].flatMap({ Int($0) }) { #expect(v == 0 || v >= 5, "\(name) \(column) = \(v)") }
                }
            }
        }
    }
}
