import Atlas
import Foundation
import Ingest
import Store
import Testing
import TestSupport

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
