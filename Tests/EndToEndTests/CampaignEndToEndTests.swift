import Atlas
import Foundation
import Testing
import TestSupport

/// `hulpatlas campaign` on the sample: a run, then campaigns recorded from a CSV with bad rows
/// and from the stored plan, their effect written, listed and removed.
@Suite struct CampaignEndToEndTests {
    static let run: (dir: TemporaryDirectory, log: String, statuses: [Int32]) = {
        let dir = try! TemporaryDirectory()
        let db = dir.path("atlas.sqlite")
        let csv = try! dir.write("campagnes.csv", """
            code,delivered,flyers,campaign
            3311,2022-09-05,,Najaar
            3312,2022-09-05,2000,Najaar
            3312,2022-09-05,2000,Najaar
            9999,2022-09-05,,Najaar
            3313,2022-13-05,,Najaar
            3314,2022-09-05,veel,Najaar
            3317,2022-09-12,,Najaar
            3315,2022-03-07,,Voorjaar
            3318,2022-03-07,,Voorjaar

            """)
        var log = "", statuses: [Int32] = []
        for arguments in [
            ["run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--stats", "Data/pc4_gemeente_drechtsteden.csv",
             "--requests", "Data/sample_requests.csv", "--helpers", "Data/sample_helpers.csv", "--out", dir.path("run"), "--db", db],
            ["campaign", "add", "--csv", csv, "--db", db],
            ["campaign", "add", "--plan", "--delivered", "2023-03-06", "--name", "Plan voorjaar 2023", "--db", db],
            ["campaign", "list", "--db", db],
            ["campaign", "effect", "--db", db, "--out", dir.path("effect"), "--placebo-runs", "49"],
            ["campaign", "effect", "--db", db, "--out", dir.path("effect-en"), "--placebo-runs", "49", "--lang", "en"],
            ["report", "--db", db, "--out", dir.path("report"), "--quarter", "all"],
            ["export", "--db", db, "--format", "csv", "--out", dir.path("report")],
            ["campaign", "remove", "Voorjaar", "--db", db],
            ["campaign", "remove", "Bestaat niet", "--db", db],
        ] {
            let r = try! RunCommandTests.hulpatlas(arguments)
            log += "$ \(arguments.joined(separator: " "))\n" + r.stdout + r.stderr
            statuses.append(r.status)
        }
        return (dir, log, statuses)
    }()

    @Test func everyRowIsAcceptedOrReportedWithItsLineFieldAndReason() {
        #expect(Self.run.statuses.prefix(9).allSatisfy { $0 == 0 }, "\(Self.run.log)")
        let log = Self.run.log
        #expect(log.contains("9 rows read: 4 accepted, 5 rejected"), "\(log)")
        for expected in ["campagnes.csv:4 code: area 3312 is listed twice", "campagnes.csv:5 code: not an area of the stored pc4 2020 set",
                         "campagnes.csv:6 delivered: not a date like 2023-03-06", "campagnes.csv:7 flyers: not a whole number",
                         "campagnes.csv:8 delivered: campaign 'Najaar' was delivered on 2022-09-05"] {
            #expect(log.contains(expected), "\(expected)\n\(log)")
        }
        #expect(log.contains("campaign 'Najaar': delivered 2022-09-05, 2 areas"), "\(log)")
        #expect(log.contains("campaign 'Plan voorjaar 2023': delivered 2023-03-06"), "\(log)")
    }

    @Test func theEffectIsWrittenAsTablesAndAPageInBothLanguages() throws {
        let effects = try Fixtures.readSimpleCSV(Self.run.dir.path("effect/campaign_effect.csv"))
        #expect(Set(effects.map { $0["campaign"]! }) == ["Najaar", "Voorjaar", "Plan voorjaar 2023"], "\(Self.run.log)")
        // The plan's campaign (2023-03-06) has 6 months after it up to 2023-09: evaluated.
        let plan = try #require(effects.first { $0["campaign"] == "Plan voorjaar 2023" && $0["outcome"] == "help_requests" })
        #expect(plan["first_month_after"] == "2023-04" && plan["last_month_after"] == "2023-09")
        for e in effects where e["outcome"] == "help_requests" && e["not_evaluated_because"]!.isEmpty && !e["rate_ratio"]!.isEmpty {
            let (rr, low, high) = (Double(e["rate_ratio"]!)!, Double(e["rate_ratio_low"]!)!, Double(e["rate_ratio_high"]!)!)
            #expect(low < rr && rr < high && (1...49).contains(Int(e["placebo_runs"]!) ?? 0))
        }
        let nl = try String(contentsOfFile: Self.run.dir.path("effect/campaign.html"), encoding: .utf8)
        let en = try String(contentsOfFile: Self.run.dir.path("effect-en/campaign.html"), encoding: .utf8)
        #expect(nl.contains("Wat dit niet bewijst") && nl.contains("Najaar") && nl.contains("<svg"))
        #expect(en.contains("What this does not prove") && !en.contains("Wat dit"))
        let series = try Fixtures.readSimpleCSV(Self.run.dir.path("effect/campaign_series.csv"))
        #expect(series.contains { $0["campaign"] == "Najaar" && $0["period"] == "after" })
    }

    /// The run writes the demand forecast: four quarters per location and category, withheld
    /// where last year's requests are hidden, and the volunteers needed beside today's.
    @Test func theRunWritesTheForecastAndTheVolunteersNeeded() throws {
        let forecast = try Fixtures.readSimpleCSV(Self.run.dir.path("run/forecast.csv"))
        #expect(forecast.count == 4 * 3 * 4, "\(Self.run.log)")  // 3 locations and all, 3 categories, 4 quarters
        #expect(Set(forecast.map { $0["quarter"]! }) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
        for row in forecast {
            if row["withheld_because"]!.isEmpty {
                let (e, low, high) = (Double(row["expected"]!)!, Double(row["low"]!)!, Double(row["high"]!)!)
                #expect(low <= e && e <= high)
            } else {
                #expect(row["expected"]!.isEmpty && row["low"]!.isEmpty && row["mase_model"]!.isEmpty)
            }
        }
        let needs = try Fixtures.readSimpleCSV(Self.run.dir.path("run/volunteers_needed.csv"))
        let all = try #require(needs.first { $0["location"] == "all" && $0["category"] == "praktisch" })
        let need = Int(all["volunteers_needed"]!)!, active = Int(all["active_volunteers"]!)!
        let year = Double(all["forecast_next_four_quarters"]!)!, last = Double(all["last_year_requests"]!)!
        #expect(need == Int((year * Double(active) / last).rounded(.up)) || need == Int((year * Double(active) / last).rounded(.up)) + 1)
        #expect(Int(all["gap"]!) == need - active)
        let page = try String(contentsOfFile: Self.run.dir.path("run/forecast.html"), encoding: .utf8)
        #expect(page.contains("Vrijwilligers nodig") && page.contains("2024-Q1"))
        #expect(!page.contains("hidden in breakdowns") && !page.contains("fewer than"), "English on the Dutch page")
    }

    /// The quarterly reports carry both: a campaign's estimate on the reports of the year from
    /// the quarter its after-window ends in, the forecast on the last quarter's reports only,
    /// every figure registered in report_figures.csv (the audit below compares them).
    @Test func theQuarterlyReportsShowTheCampaignsAndTheForecast() throws {
        let folder = Self.run.dir.path("report")
        let effects = try Fixtures.readSimpleCSV((folder as NSString).appendingPathComponent("campaign_effect.csv"))
            .filter { $0["outcome"] == "help_requests" }
        #expect(effects.count == 3, "\(Self.run.log)")
        let figures = try Fixtures.readSimpleCSV((folder as NSString).appendingPathComponent("report_figures.csv"))
        let allPages = Set(figures.filter { $0["location"] == "all" }.map { "\($0["report"]!)|\($0["quarter"]!)" })
        #expect(allPages.count >= 12)
        for page in allPages {
            let (file, label) = (String(page.split(separator: "|")[0]), String(page.split(separator: "|")[1]))
            let quarter = try #require(Quarter(label: label))
            let shown = Set(figures.filter { $0["report"] == file && $0["section"] == "campaign_effect" && $0["measure"] == "rate_ratio" }
                .map { String($0["group"]!.split(separator: "|")[0]) })
            // The oracle: the quarter of the after-window's last month (its delivery's without one), four quarters on.
            let expected = Set(effects.filter { e in
                let month = e["last_month_after"]!.isEmpty ? String(e["delivered"]!.prefix(7)) : e["last_month_after"]!
                let parts = month.split(separator: "-").compactMap { Int($0) }
                let from = Quarter(monthIndex: parts[0] * 12 + parts[1] - 1)
                return quarter >= from && quarter < from.advanced(by: 4)
            }.map { $0["campaign"]! })
            #expect(shown == expected, "\(file): \(shown) vs \(expected)")
            let forecast = figures.contains { $0["report"] == file && $0["section"] == "forecast" }
            #expect(forecast == (label == "2023-Q4"), "\(file)")
        }
        let latest = try String(contentsOfFile: (folder as NSString).appendingPathComponent("report.html"), encoding: .utf8)
        #expect(latest.contains("id=\"forecast\"") && latest.contains("id=\"campaigns\"") && latest.contains("href=\"forecast.html\""))
        #expect(latest.contains("Vrijwilligers nodig") && latest.contains("Brachten de flyers hulpvragen?"))
        #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("campaign.html")))
        #expect(FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("forecast.html")))
        // The volunteers needed on the page are volunteers_needed.csv's.
        let needs = try Fixtures.readSimpleCSV((folder as NSString).appendingPathComponent("volunteers_needed.csv"))
        for f in figures where f["report"] == "report.html" && f["section"] == "volunteers_needed" {
            #expect(needs.first { $0["location"] == "all" && $0["category"] == f["group"] }?[f["measure"]!] == f["value"], "\(f)")
        }
    }

    @Test func theReportFolderPassesTheAudit() throws {
        let r = try RunCommandTests.hulpatlas(["audit", Self.run.dir.path("report"), "--requests", "Data/sample_requests.csv",
                                               "--helpers", "Data/sample_helpers.csv", "--intervals"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("nothing found"), "\(r.stdout)")
    }

    @Test func theEffectFolderPassesTheAudit() throws {
        let r = try RunCommandTests.hulpatlas(["audit", Self.run.dir.path("effect"), "--requests", "Data/sample_requests.csv",
                                               "--helpers", "Data/sample_helpers.csv", "--intervals"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    }

    @Test func removingAnUnknownCampaignSaysWhichAreRecorded() {
        #expect(Self.run.statuses.last == 1 || Self.run.statuses.last == 64, "\(Self.run.log)")
        #expect(Self.run.log.contains("no campaign 'Bestaat niet' is recorded; recorded: "), "\(Self.run.log)")
        #expect(Self.run.log.contains("campaign 'Voorjaar' removed"))
    }
}
