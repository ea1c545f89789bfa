import Atlas
import Foundation
@testable import Pipeline
import Reports
import Testing

/// The campaign tables in the linked protection: a period's targeted and control requests are
/// tied to the months' help requests of all areas (monthly.csv), and the first-time totals to
/// all requests, so that the rest (requests from neither group, repeat requests) cannot be
/// worked out below the threshold. Each tie is shown revealing a count without protection.
@Suite struct CampaignDisclosureTests {
    static let threshold = Suppression(threshold: 5)

    static let monthly = PublishedTable(file: "monthly.csv", header: MonthlyTable.header, rows: [
        ["all", "2021-09", "24", "0", "24", "", "0"], ["all", "2021-10", "32", "0", "32", "", "0"],
        ["all", "2021-11", "26", "0", "26", "", "0"],
    ])

    static func series(targeted: String, control: String) -> PublishedTable {
        PublishedTable(file: "campaign_series.csv", header: CampaignTables.SeriesColumn.header,
                       rows: [["C", "2021-09", "2021-11", "before", targeted, control, "0"]])
    }

    static func effect(help: [String], firstTime: [String]) -> PublishedTable {
        let head = ["C", "2021-12-06", "", "2021-09", "2021-11", "2022-01", "2022-03", "5", "15", "30000"]
        let tail = ["1.1000", "0.8000", "1.5000", "1.000", "-1.000", "2.000", "0.5000", "199", "", "0"]
        return PublishedTable(file: "campaign_effect.csv", header: CampaignTables.EffectColumn.header, rows: [
            Array(head[0..<2]) + ["help_requests"] + Array(head[3...]) + help + tail,
            Array(head[0..<2]) + ["first_time_requests"] + Array(head[3...]) + firstTime + tail,
        ])
    }

    static func findings(_ tables: [PublishedTable]) -> [IntervalFinding] {
        IntervalAudit.run(PublishedTablesModel(tables).tables, suppression: threshold).findings
    }

    /// 40 targeted and 39 control requests in a period of 82: the 3 from other areas are known.
    /// With 30 control requests (12 from other areas) nothing small is revealed.
    @Test func theRestOfAPeriodIsTiedToTheMonths() {
        let leaking = Self.findings([Self.monthly, Self.series(targeted: "40", control: "39")])
        #expect(leaking.contains { $0.cell.contains("other areas") }, "\(leaking)")
        #expect(Self.findings([Self.monthly, Self.series(targeted: "40", control: "30")]).isEmpty)
    }

    /// 143 help requests before delivery and 140 of first-time requesters: 3 repeats are known.
    @Test func firstTimeTotalsAreTiedToAllRequests() {
        let leaking = Self.findings([Self.effect(help: ["143", "104", "186", "125"], firstTime: ["140", "89", "175", "110"])])
        #expect(leaking.contains { $0.cell.contains("repeat requests") }, "\(leaking)")
        #expect(Self.findings([Self.effect(help: ["143", "104", "186", "125"], firstTime: ["127", "89", "175", "110"])]).isEmpty)
    }

    /// The disclosure step repairs both, and hides the estimate whose totals it hid.
    @Test func theDisclosureStepRepairsTheCampaignTables() throws {
        let truth = [Self.monthly, Self.series(targeted: "40", control: "39"),
                     Self.effect(help: ["143", "104", "186", "125"], firstTime: ["140", "89", "175", "110"])]
        let protected = try Disclosure.protect(truth, truth: truth, suppression: Self.threshold)
        #expect(Self.findings(protected.tables).isEmpty)
        let effect = try #require(protected.tables.first { $0.file == "campaign_effect.csv" })
        let first = effect.rows[1]
        let totals = [CampaignTables.EffectColumn.targeted_before, .targeted_after, .control_before, .control_after]
        if totals.contains(where: { first[$0.position].isEmpty }) {
            #expect(first[CampaignTables.EffectColumn.rate_ratio.position].isEmpty)
            #expect(first[CampaignTables.EffectColumn.suppressed.position] == "1")
        }
        #expect(totals.contains { first[$0.position].isEmpty || effect.rows[0][$0.position].isEmpty })
    }
}
