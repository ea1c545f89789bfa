import Atlas
import Foundation
@testable import Pipeline
import Reports
import Testing

/// The study tables in the linked protection: a study count over a period is tied to the
/// quarters it covers, so that the study beside the quarterly tables gives nothing away. Each
/// check is shown failing where the tie is what reveals the count.
@Suite struct StudyDisclosureTests {
    static let threshold = Suppression(threshold: 5)

    static func quarterly(_ rows: [[String]]) -> PublishedTable {
        PublishedTable(file: "quarterly.csv", header: QuarterlyTable.header, rows: rows)
    }

    /// A study of `from`–`to` over all locations whose outcomes row shows `notMatched`.
    static func study(from: String, to: String, help: Int, notMatched: String, matched: String = "") -> [PublishedTable] {
        [PublishedTable(file: "study_summary.csv", header: StudyTables.SummaryColumn.header,
                        rows: [["all", from, to, "\(help)", "0", "\(help)", "0", "1"]]),
         PublishedTable(file: "study_outcomes.csv", header: StudyTables.OutcomeColumn.header,
                        rows: [["all", "all", "all", "\(help)", "1.0000", matched, notMatched, "0", "", "", "", "", "1"]])]
    }

    static func findings(_ tables: [PublishedTable]) -> [IntervalFinding] {
        IntervalAudit.run(PublishedTablesModel(tables).tables, suppression: threshold).findings
    }

    /// A study of exactly one quarter is that quarter: its not-matched count (17) beside the
    /// quarter's 20 help requests gives away the quarter's hidden 3 matched. Without the study
    /// the quarter is safe (a negative control).
    @Test func aWholeQuarterInTheStudyIsTheQuarter() {
        let quarter = Self.quarterly([["all", "2023-Q1", "20", "0", "", "", "0", "20", "", "1"]])
        #expect(Self.findings([quarter]).isEmpty)
        let leaking = Self.findings([quarter] + Self.study(from: "2023-01-01", to: "2023-03-31", help: 20, notMatched: "17"))
        #expect(leaking.contains { $0.cell.contains("quarterly.csv: all 2023-Q1 matched") }, "\(leaking)")
    }

    /// A study that ends inside a quarter covers part of it: with the quarter's 20 not matched
    /// and the study's 17, the 3 outside the period are known, and the audit says so. With the
    /// quarter's counts larger (10 and 30: 5 and 13 outside) nothing small is revealed.
    @Test func aPartOfAQuarterIsTiedToTheQuarter() {
        let quarter = Self.quarterly([["all", "2023-Q1", "25", "0", "5", "20", "0", "25", "0.2000", "0"]])
        let leaking = Self.findings([quarter] + Self.study(from: "2023-01-01", to: "2023-02-15", help: 22, notMatched: "17",
                                                            matched: "5"))
        #expect(leaking.contains { $0.cell.contains("outside the study period") }, "\(leaking)")
        let larger = Self.quarterly([["all", "2023-Q1", "40", "0", "10", "30", "0", "40", "0.2500", "0"]])
        let quiet = Self.findings([larger] + Self.study(from: "2023-01-01", to: "2023-02-15", help: 22, notMatched: "17", matched: "5"))
        #expect(quiet.isEmpty, "\(quiet)")
    }

    /// The disclosure step repairs the first case: the study's not-matched count is hidden with
    /// the quarter's, and the result passes the audit.
    @Test func theDisclosureStepRepairsTheStudy() throws {
        let truthQuarter = Self.quarterly([["all", "2023-Q1", "20", "0", "3", "17", "0", "20", "0.1500", "0"]])
        let quarter = Self.quarterly([["all", "2023-Q1", "20", "0", "", "", "0", "20", "", "1"]])
        let truth = [truthQuarter] + Self.study(from: "2023-01-01", to: "2023-03-31", help: 20, notMatched: "17", matched: "3")
        let primary = [quarter] + Self.study(from: "2023-01-01", to: "2023-03-31", help: 20, notMatched: "17")
        let protected = try Disclosure.protect(primary, truth: truth, suppression: Self.threshold)
        #expect(Self.findings(protected.tables).isEmpty)
        let outcomes = try #require(protected.tables.first { $0.file == "study_outcomes.csv" })
        #expect(outcomes.rows[0][StudyTables.OutcomeColumn.not_matched.position].isEmpty)
    }
}
