import Atlas
import Foundation
@testable import Pipeline
import Reports
import Testing

/// The disclosure step's parts, each with the check failing on a deliberately broken input.
@Suite struct DisclosureTests {
    static let quarterlyHeader = IntervalAuditTests.quarterlyHeader

    /// A match rate beside a hidden part gives the part away (rate 0.7 with 14 matched: 6 not
    /// matched): the audit flags it, and the disclosure step hides it.
    @Test func aRateOverAHiddenCountIsAFindingAndIsHidden() throws {
        let leaking = "L,2023-Q1,20,0,14,,,20,0.7000,1\n"
        let folder = try IntervalAuditTests.folder(["quarterly.csv": Self.quarterlyHeader + leaking])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.contains { $0.contains("match_rate: shown, though it is computed from hidden counts") }, "\(audit.findings)")
        // Negative control: without the rate the same row is no finding.
        let quiet = try IntervalAuditTests.folder(["quarterly.csv": Self.quarterlyHeader + "L,2023-Q1,20,0,14,,,20,,1\n"])
        defer { try? FileManager.default.removeItem(atPath: quiet) }
        #expect(try AuditStage.intervalAudit(folder: quiet, suppression: Suppression(threshold: 5)).findings.isEmpty)
        // The disclosure step hides such a rate (here: true values 14, 3, 3; 3 is small).
        let header = QuarterlyTable.header
        let primary = [PublishedTable(file: "quarterly.csv", header: header, rows: [["L", "2023-Q1", "20", "0", "14", "", "", "20", "0.8235", "1"]])]
        let truth = [PublishedTable(file: "quarterly.csv", header: header, rows: [["L", "2023-Q1", "20", "0", "14", "3", "3", "20", "0.8235", "0"]])]
        let protected = try Disclosure.protect(primary, truth: truth, suppression: Suppression(threshold: 5))
        #expect(protected.tables[0].rows[0][QuarterlyTable.Column.match_rate.position].isEmpty)
        #expect(protected.hiddenStatistics == 1)
    }

    /// A page that shows a count its table hides, or a count no table has, is a finding.
    @Test func aPageFigureUnlikeItsTableIsAFinding() throws {
        let table = Self.quarterlyHeader + "L,2023-Q1,20,,14,6,0,23,0.7000,1\n"
        let figures = "report,location,quarter,section,group,measure,value,suppressed\n"
        func findings(_ rows: String) throws -> [String] {
            let folder = try IntervalAuditTests.folder(["quarterly.csv": table, "report_figures.csv": figures + rows])
            defer { try? FileManager.default.removeItem(atPath: folder) }
            return try PageFigureCheck.run(folder: folder, tables: try PublishedTablesModel.tables(in: folder))
        }
        #expect(try findings("r.html,L,2023-Q1,quarterly,2023-Q1,help_requests,20,0\nr.html,L,2023-Q1,quarterly,2023-Q1,info_requests,,1\n").isEmpty)
        let shown = try findings("r.html,L,2023-Q1,quarterly,2023-Q1,info_requests,3,0\n")
        #expect(shown.count == 1 && shown[0].contains("quarterly.csv has it hidden"), "\(shown)")
        let unknown = try findings("r.html,L,2023-Q2,quarterly,2023-Q2,help_requests,12,0\n")
        #expect(unknown.count == 1 && unknown[0].contains("has no such row"), "\(unknown)")
    }

    /// The forecast and campaign figures of a page are checked against forecast.csv,
    /// volunteers_needed.csv and campaign_effect.csv the same way (read from the folder).
    @Test func aForecastOrCampaignFigureUnlikeItsTableIsAFinding() throws {
        let files = [
            "forecast.csv": ForecastTables.ForecastColumn.header.joined(separator: ",") + "\nL,praktisch,2024-Q1,80.3,57,110,36,1.335,0.737,1.463,1,\n",
            "volunteers_needed.csv": ForecastTables.NeedColumn.header.joined(separator: ",")
                + "\nL,praktisch,316.5,68,2023,240,0.2833,current helpers per request,90,22,\n",
            "campaign_effect.csv": CampaignTables.EffectColumn.header.joined(separator: ",")
                + "\nA|B,2022-09-05,help_requests,2021-09,2022-08,2022-10,2023-03,5,15,31555,143,104,186,125,1.0822,0.6016,1.9467,0.250,-2.183,1.603,0.8150,199,,0\n",
        ]
        let header = "report,location,quarter,section,group,measure,value,suppressed\n"
        func findings(_ rows: String) throws -> [String] {
            let folder = try IntervalAuditTests.folder(files.merging(["report_figures.csv": header + rows]) { a, _ in a })
            defer { try? FileManager.default.removeItem(atPath: folder) }
            return try PageFigureCheck.run(folder: folder, tables: try PublishedTablesModel.tables(in: folder))
        }
        let right = """
            r.html,L,2023-Q4,forecast,praktisch|2024-Q1,expected,80.3,0
            r.html,L,2023-Q4,volunteers_needed,praktisch,gap,22,0
            r.html,L,2023-Q4,campaign_effect,A|B|help_requests,rate_ratio,1.0822,0

            """
        #expect(try findings(right).isEmpty)
        // Deliberately broken pages: another expectation, another gap, another rate ratio, a quarter forecast.csv lacks.
        let wrong = try findings("""
            r.html,L,2023-Q4,forecast,praktisch|2024-Q1,expected,81.0,0
            r.html,L,2023-Q4,volunteers_needed,praktisch,gap,12,0
            r.html,L,2023-Q4,campaign_effect,A|B|help_requests,rate_ratio,1.2,0
            r.html,L,2023-Q4,forecast,praktisch|2024-Q2,expected,70.0,0

            """)
        #expect(wrong.count == 4, "\(wrong)")
        #expect(wrong.contains { $0.contains("forecast.csv has 80.3") } && wrong.contains { $0.contains("volunteers_needed.csv has 22") }
                && wrong.contains { $0.contains("campaign_effect.csv has 1.0822") } && wrong.contains { $0.contains("no such row") })
    }

    /// A hidden cell that the published numbers determine is shown again (20 − 7 = 13); a pair
    /// that stays uncertain is not.
    @Test func determinedCellsAreShownAgain() {
        var tables = LinkedTables()
        let total = tables.cell("t", label: "t", shown: 20)
        let x = tables.cell("x", label: "x", shown: nil)
        let y = tables.cell("y", label: "y", shown: 7)
        tables.sum(total, of: [x, y])
        let other = tables.cell("o", label: "o", shown: 9)
        let a = tables.cell("a", label: "a", shown: nil)
        let b = tables.cell("b", label: "b", shown: nil)
        tables.sum(other, of: [a, b])
        let shown = LinkedSuppression.showDetermined(&tables) { _ in true }
        #expect(shown == [x] && tables.cells[x].shown == 13)
        #expect(tables.cells[a].shown == nil && tables.cells[b].shown == nil)
        // Negative control: with `restorable` false nothing is shown.
        var kept = tables
        kept.hide(x)
        #expect(LinkedSuppression.showDetermined(&kept) { _ in false }.isEmpty)
    }

    /// The board's cells cost more to hide than row totals.
    @Test func theBoardsCountsAreTheDearest() {
        #expect(Disclosure.weight("q|help_requests|L|2023-Q1") > Disclosure.weight("q|total|L|2023-Q1"))
        #expect(Disclosure.weight("m|total|all|2023-01") > Disclosure.weight("m|total|L|2023-01"))
        #expect(Disclosure.weight("m|total|L|2023-01") > Disclosure.weight("m|info_requests|L|2023-01"))
    }
}
