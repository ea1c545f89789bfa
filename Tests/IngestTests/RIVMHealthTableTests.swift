import Atlas
import Config
import Foundation
import Ingest
import Store
import TestSupport
import Testing

/// RIVM's table as StatLine publishes it, joined to postcode areas by municipality.
@Suite struct RIVMHealthTableTests {
    @Test func statLineLayoutIsReadAndJoinedByMunicipality() throws {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv"), Fixtures.path("rivm/statline_50090NED_sample.csv")]
        options.year = 2020
        let summary = try AreaIngest.run(options, store: store)
        let file = try #require(summary.files.first { $0.file.hasSuffix("statline_50090NED_sample.csv") })
        // 6 data rows (the 2 interval-bound rows are skipped); 2 rejected (unknown age, duplicate).
        #expect(file.read == 6 && file.accepted == 4 && file.read == file.accepted + file.rejected)
        let rejects = summary.rejects.filter { $0.file.hasSuffix("statline_50090NED_sample.csv") }
        #expect(rejects.filter(\.rowRejected).map(\.line).sorted() == [8, 9])
        #expect(rejects.contains { !$0.rowRejected && $0.value == "140" })
        let areas = try store.areas(level: .pc4, year: 2020)
        let papendrecht = try #require(areas.first { $0.code == "3351" })
        #expect(papendrecht.values["rivm_ernstig_eenzaam_pct_18plus"] == .number(10.4))
        #expect(papendrecht.values["rivm_vrijwilligerswerk_pct_65plus"] == .number(27.3))
        // Dordrecht is not in the file: no value, never a zero.
        let dordrecht = try #require(areas.first { $0.code == "3311" })
        #expect(dordrecht.values["rivm_ernstig_eenzaam_pct_18plus"] == nil)
        #expect(summary.statisticsJoined.contains { $0.file.hasSuffix("statline_50090NED_sample.csv") && $0.joined == 6 })
    }
}

/// At buurt level RIVM's own buurt estimates are joined by code, never mixed with the
/// municipality's, and the measured share can be the index itself.
@Suite struct RIVMBuurtTests {
    static let buurten = Fixtures.shared("cbs-wijkbuurt-2023-drechtsteden/buurten_2023_drechtsteden.geojson")

    @Test(.enabled(if: buurten != nil))
    func buurtEstimatesJoinByCodeAndCanBeTheIndex() throws {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: try #require(Self.buurten))
        options.statistics = [Fixtures.path("rivm/statline_50090NED_sample.csv")]
        options.allowSparseJoin = true
        let summary = try AreaIngest.run(options, store: store)
        #expect(summary.statisticsJoined.contains { $0.file.hasSuffix("statline_50090NED_sample.csv") && $0.joined == 1 })
        let areas = try store.areas(level: .buurt, year: 2023)
        let own = try #require(areas.first { $0.code == "BU05900101" })
        #expect(own.values["rivm_ernstig_eenzaam_pct_18plus"] == .number(9.5))
        #expect(own.values["rivm_moeite_met_rondkomen_pct_18plus"] == nil, "140% was set missing")
        // A Papendrecht buurt without its own estimate does not get the municipality's.
        let other = try #require(areas.first { $0.code == "BU05900102" })
        #expect(other.values["rivm_ernstig_eenzaam_pct_18plus"] == nil)
        let measured = RiskIndex.compute(areas, definition: .lonelinessMeasured)
        #expect(measured.used.map(\.name) == ["rivm_severely_lonely_18_plus"])
        #expect(measured.scores.first { $0.code == "BU05900101" }?.components["rivm_severely_lonely_18_plus"]?.value == 9.5)
    }
}

/// Information questions as real exports have them (empty status, "beantwoord") are counted as
/// handled questions, and stay out of the help requests' match rate.
@Suite struct InformationQuestionTests {
    @Test func informationQuestionsAreCountedAndStayOutOfMatchRates() throws {
        let store = try AtlasStore()
        let summary = try RecordIngest.requests(path: Fixtures.path("bad/requests/information_questions.csv"),
                                                config: HulpatlasConfig(), store: store, today: Day(year: 2026, month: 1, day: 1)!)
        #expect(summary.accepted == 4 && summary.rejects.isEmpty)
        let requests = try store.requests()
        #expect(requests.filter { $0.kind == .informatievraag }.allSatisfy { $0.status == .afgehandeld })
        let (rows, _) = MonthlySeries.compute(requests, rule: .standard)
        let march = try #require(rows.first { $0.location == "HipHelpt Test" && $0.month == "2023-03" }, "\(rows)")
        #expect(march.infoRequests == 3 && march.helpRequests == 1 && march.total == 4)
        #expect(march.matched == 1 && march.notMatched == 0 && march.open == 0)
        let kinds = Breakdowns.compute(requests, rule: .standard).filter {
            $0.location == Breakdowns.all && $0.period == Breakdowns.all && $0.dimension == "kind"
        }
        #expect(kinds.first { $0.value == "informatievraag" }?.count == 3)
    }
}
