import Atlas
import Foundation
import GRDB
import Ingest
import Store
import Testing
import TestSupport

/// An area input the stored set was made from, unchanged, is not read again; a changed byte, a
/// changed option or `reread` reads it; so does the set's replacement by another ingest.
@Suite struct UnchangedAreaIngestTests {
    @Test func anUnchangedAreaInputIsNotReadAgain() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let stats = try dir.write("stats.csv", try String(contentsOfFile: Fixtures.sample("pc4_gemeente_drechtsteden.csv"), encoding: .utf8))
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [stats]
        func runs() throws -> Int { try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ingest_runs") ?? -1 } }
        let first = try AreaIngest.run(options, store: store)
        #expect(first.unchangedSince == nil && first.areasStored == 67)
        let second = try AreaIngest.run(options, store: store)
        #expect(second.unchangedSince == first.runID && second.runID == first.runID)
        #expect(second.areasStored == first.areasStored && second.areasRead == first.areasRead && second.rejects == first.rejects)
        #expect(second.files == first.files && second.indicators == first.indicators && second.population == first.population)
        #expect(second.statisticsJoined.map(\.joined) == first.statisticsJoined.map(\.joined) && second.notes == first.notes)
        #expect(try runs() == 1, "nothing written")
        // Another set in between (PC6) leaves the PC4 set as it was: still not read again.
        _ = try AreaIngest.run(AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc6_2020_drechtsteden_synthetic.gpkg")), store: store)
        #expect(try AreaIngest.run(options, store: store).unchangedSince == first.runID)
        // An option, `reread`, or one byte of the statistics: read again.
        var sparse = options
        sparse.allowSparseJoin = true
        #expect(try AreaIngest.run(sparse, store: store).unchangedSince == nil)
        // The set is now the sparse run's: the first options' input no longer made it.
        #expect(try AreaIngest.run(options, store: store).unchangedSince == nil)
        #expect(try AreaIngest.run(options, store: store, reread: true).unchangedSince == nil)
        let text = try String(contentsOfFile: stats, encoding: .utf8)
        try (text + "\n").write(toFile: stats, atomically: true, encoding: .utf8)
        #expect(try AreaIngest.run(options, store: store).unchangedSince == nil)
        #expect(try AreaIngest.run(options, store: store).unchangedSince != nil)
    }
}
