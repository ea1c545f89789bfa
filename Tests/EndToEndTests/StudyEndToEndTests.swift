import Foundation
import Testing
import TestSupport

/// `hulpatlas study` on a generated history with the published marginals of the Hulplijn Dordt
/// study (Tests/Fixtures/study/make_study_history.py), against the study's figures and an
/// independent computation (Tests/Fixtures/expected/make_study_expected.py: pandas, statsmodels, scipy).
@Suite struct StudyEndToEndTests {
    /// The history ingested once, and the study written in Dutch and in English.
    static let run: (dir: TemporaryDirectory, log: String, status: Int32) = {
        let dir = try! TemporaryDirectory()
        let db = dir.path("study.sqlite")
        var log = "", status: Int32 = 0
        for arguments in [
            ["ingest", "requests", "Tests/Fixtures/study/study_requests.csv", "--db", db],
            ["ingest", "helpers", "Tests/Fixtures/study/study_helpers.csv", "--db", db],
            ["study", "--from", "2021-02-15", "--to", "2023-06-15", "--db", db, "--out", dir.path("nl")],
            ["study", "--from", "2021-02-15", "--to", "2023-06-15", "--db", db, "--out", dir.path("en"), "--lang", "en"],
        ] {
            let r = try! RunCommandTests.hulpatlas(arguments)
            log += r.stdout + r.stderr
            status = max(status, r.status)
        }
        return (dir, log, status)
    }()

    func table(_ name: String) throws -> [[String: String]] {
        #expect(Self.run.status == 0, "\(Self.run.log)")
        return try Fixtures.readSimpleCSV(Self.run.dir.path("nl/\(name)"))
    }

    func page(_ lang: String, _ name: String = "study.html") throws -> String {
        try String(contentsOfFile: Self.run.dir.path("\(lang)/\(name)"), encoding: .utf8)
    }

    static let expected: [String: Double] = {
        let rows = try! Fixtures.readSimpleCSV(Fixtures.path("expected/study_expected.csv"))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["measure"]!, Double($0["value"]!)!) })
    }()

    func outcome(_ grouping: String, _ group: String) throws -> [String: String] {
        try #require(try table("study_outcomes.csv").first { $0["grouping"] == grouping && $0["group"] == group })
    }

    func share(_ period: String, _ dimension: String, _ value: String) throws -> String {
        try #require(try table("study_breakdowns.csv").first {
            $0["period"] == period && $0["dimension"] == dimension && $0["value"] == value
        })["share"] ?? ""
    }

    /// The study's figures, exactly: 1,590 questions; 962 / 409, 70.2 %; 75.0 / 19.0 / 6.0 %;
    /// 57.0 / 26.0 / 17.0 %; 78 / 7 / 15 % of known referral kinds with 54 unknown; women 70 %;
    /// residents 59 % in 2021 and 54 % in 2022. In the CSVs and on both pages.
    @Test func theStudysFiguresInTheTablesAndOnThePage() throws {
        let summary = try #require(try table("study_summary.csv").first)
        #expect(summary["questions"] == "1590" && summary["info_requests"] == "219" && summary["help_requests"] == "1371")
        let all = try outcome("all", "all")
        #expect(all["matched"] == "962" && all["not_matched"] == "409" && all["open"] == "0")
        #expect(String(format: "%.1f", 100 * Double(all["match_rate"]!)!) == "70.2")
        func percent(_ cell: String, _ decimals: Int = 1) -> String { String(format: "%.\(decimals)f", 100 * (Double(cell) ?? .nan)) }
        #expect(try ["praktisch", "sociaal", "vervoer"].map { percent(try outcome("category", $0)["share"]!) } == ["75.0", "19.0", "6.0"])
        #expect(try ["Present Drechtsteden", "Diaconie Dordrecht", "Leger des Heils Dordrecht"].map {
            percent(try share("study", "organisation", $0))
        } == ["57.0", "26.0", "17.0"])
        #expect(try ["informeel", "formeel", "overig"].map { percent(try share("study", "referral_kind", $0), 0) } == ["78", "7", "15"])
        let unknownReferrals = try table("study_breakdowns.csv").first { $0["dimension"] == "referral_kind" && $0["value"] == "unknown" }
        #expect(unknownReferrals?["count"] == "54" && unknownReferrals?["share"] == "")
        #expect(percent(try share("study", "requester_gender", "vrouw")) == "70.0")
        #expect(percent(try share("2021", "requester_type", "bewoner")) == "59.0")
        #expect(percent(try share("2022", "requester_type", "bewoner")) == "54.0")
        #expect(percent(try share("study", "requester_age_band", "50-69")) == "41.0")

        let nl = try page("nl"), en = try page("en")
        for figure in ["<td>1.590</td>", "<td>219</td>", "<td>1.371</td>", "<strong>70,2%</strong>", "962 gematcht", "409 niet gematcht",
                       "<td>75,0%</td>", "<td>19,0%</td>", "<td>6,0%</td>", "57,0% <span class=\"n\">(n = 548)</span>",
                       "26,0% <span class=\"n\">(n = 250)</span>", "17,0% <span class=\"n\">(n = 164)</span>",
                       "78% <span class=\"n\">(n = 79)</span>", "7% <span class=\"n\">(n = 7)</span>",
                       "15% <span class=\"n\">(n = 15)</span>", "<td>54</td>", "70,0% <span class=\"n\">(n = 960)</span>",
                       "59,0% <span class=\"n\">(n = 283)</span>", "54,0% <span class=\"n\">(n = 324)</span>"] {
            #expect(nl.contains(figure), "study.html (nl) lacks \(figure)")
        }
        for figure in ["<td>1,590</td>", "<strong>70.2%</strong>", "<td>75.0%</td>", "57.0% <span class=\"n\">(n = 548)</span>"] {
            #expect(en.contains(figure), "study.html (en) lacks \(figure)")
        }
        #expect(!nl.contains("Questions per month") && en.contains("Questions per month"))
    }

    /// Wilson's interval, the trend and its interval, and the median days to match agree with
    /// statsmodels and pandas to 4 decimals (the tables round to 4).
    @Test func intervalsAndTrendAgreeWithStatsmodels() throws {
        let e = Self.expected
        func near(_ cell: String?, _ key: String) {
            guard let cell, let mine = Double(cell), let theirs = e[key] else { Issue.record("\(key): \(cell ?? "nil")"); return }
            #expect(abs(mine - theirs) <= 0.00005 + 1e-12, "\(key): \(mine) vs \(theirs)")
        }
        var compared = 0
        for row in try table("study_outcomes.csv") {
            let prefix = row["grouping"] == "all" ? "all " : "\(row["grouping"]!) \(row["group"]!) "
            for column in ["match_rate", "match_rate_low", "match_rate_high"] where e[prefix + column] != nil {
                near(row[column], prefix + column)
                compared += 1
            }
            if let days = e[prefix + "median_days_to_match"] {
                #expect(Double(row["median_days_to_match"] ?? "") == days, "\(prefix)median days")
                compared += 1
            }
        }
        let trend = try #require(try table("study_trend.csv").first)
        for column in ["slope_per_month", "slope_low", "slope_high", "intercept", "r_squared"] {
            near(trend[column], "trend \(column)")
            compared += 1
        }
        #expect(trend["months_fitted"] == "27")
        #expect(compared >= 30, "compared \(compared)")
    }

    /// The church overview: a church whose volunteers answered 3 requests has that count hidden
    /// (and enough beside it that it cannot be worked out); a large church's counts are shown.
    @Test func theChurchOverviewProtectsASmallChurch() throws {
        let rows = try table("church_overview.csv")
        let small = rows.filter { $0["church"] == "Kapel Dubbeldam" }
        #expect(small.first { $0["category"] == "all" }?["answered"] == "")
        #expect(small.filter { ($0["answered"] ?? "").isEmpty }.count >= 2)
        let large = try #require(rows.first { $0["church"] == "Grote Kerk Dordrecht" && $0["category"] == "all" })
        #expect(Int(large["answered"] ?? "") ?? 0 > 100)
        let page = try page("nl", "church-kapel-dubbeldam.html")
        #expect(page.contains("<strong>×</strong>"))
        #expect(!page.contains("S0"), "a request id on the church page")
        // The folder passes the audit, the interval audit included.
        let audit = try RunCommandTests.hulpatlas(["audit", Self.run.dir.path("nl"), "--intervals"])
        #expect(audit.status == 0, "\(audit.stdout)\(audit.stderr)")
    }

    /// A period without requests is an error, not an empty report; so is --to before --from.
    @Test func anEmptyOrBackwardPeriodIsAnError() throws {
        #expect(Self.run.status == 0)
        let db = Self.run.dir.path("study.sqlite")
        let empty = try RunCommandTests.hulpatlas(["study", "--from", "2019-01-01", "--to", "2019-12-31", "--db", db,
                                                   "--out", Self.run.dir.path("empty")])
        #expect(empty.status != 0 && empty.stderr.contains("no requests from 2019-01-01 to 2019-12-31"), "\(empty.stderr)")
        let backward = try RunCommandTests.hulpatlas(["study", "--from", "2023-01-01", "--to", "2022-01-01", "--db", db,
                                                      "--out", Self.run.dir.path("backward")])
        #expect(backward.status != 0 && backward.stderr.contains("before"), "\(backward.stderr)")
    }
}
