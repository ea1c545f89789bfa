import Atlas
import Foundation
@testable import Reports
import TestSupport
import Testing

/// study.html and the church pages show the table cells as they are ("×" where hidden), escape
/// every name from the input, and write a church's file name from a slug, never the raw name.
@Suite struct StudyPageTests {
    static func tables(church: String) -> [PublishedTable] {
        [PublishedTable(file: "study_summary.csv", header: StudyTables.SummaryColumn.header,
                        rows: [["all", "2022-01-01", "2022-12-31", "40", "", "", "0", "1"]]),
         PublishedTable(file: "study_outcomes.csv", header: StudyTables.OutcomeColumn.header,
                        rows: [["all", "all", "all", "", "", "", "", "0", "", "", "", "", "1"]]),
         PublishedTable(file: "church_overview.csv", header: StudyTables.ChurchColumn.header,
                        rows: [["all", church, "all", "", "12", "1"], ["all", church, "praktisch", "", "", "1"]])]
    }

    @Test func namesAreEscapedAndHiddenCellsShowACross() throws {
        let dir = try TemporaryDirectory()
        let hostile = "<script>alert(1)</script> & \"Kerk\""
        let files = try StudyPage.write(tables: Self.tables(church: hostile), folder: dir.url.path, language: .nl, threshold: 5)
        #expect(files.count == 2 && files[1].hasPrefix("church-") && !files[1].contains("<") && !files[1].contains("\""))
        let study = try String(contentsOfFile: dir.path("study.html"), encoding: .utf8)
        let church = try String(contentsOfFile: dir.path(files[1]), encoding: .utf8)
        for page in [study, church] {
            #expect(!page.contains("<script>") && page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Kerk&quot;"))
        }
        #expect(study.contains("<tr><th>Vragen</th><td>40</td></tr>") && study.contains("<tr><th>Hulpvragen</th><td>×</td></tr>"))
        #expect(church.contains("<strong>×</strong>") && church.contains("actieve vrijwilligers: 12"))
    }

    /// A statistic without a value (no decided request) is "–"; only a hidden one is "×".
    @Test func aMissingStatisticIsADashNotACross() throws {
        let dir = try TemporaryDirectory()
        var tables = Self.tables(church: "Kerk")
        tables[1].rows.append(["all", "subcategory", "wachtlijst", "20", "0.500000", "0", "0", "20", "", "", "", "", "0"])
        tables[1].rows.append(["all", "subcategory", "overig", "20", "0.500000", "", "", "0", "", "", "", "", "1"])
        _ = try StudyPage.write(tables: tables, folder: dir.url.path, language: .nl, threshold: 5)
        let study = try String(contentsOfFile: dir.path("study.html"), encoding: .utf8)
        #expect(study.contains("<tr><th>wachtlijst</th><td>20</td><td>–</td><td>–</td></tr>"))
        #expect(study.contains("<tr><th>overig</th><td>20</td><td>×</td><td>×</td></tr>"))
    }

    @Test func noSummaryNoPage() throws {
        let dir = try TemporaryDirectory()
        #expect(try StudyPage.write(tables: [], folder: dir.url.path, language: .en, threshold: 5).isEmpty)
    }
}
