import Atlas
import Config
import Foundation
import Ingest
@testable import Pipeline
import Store
import Testing
import TestSupport

/// The protected tables kept in the store: a later command with the same store state and
/// configuration reads them instead of computing them; any change it would read (an ingest,
/// the campaigns, the indices) or another setting makes it compute them again.
@Suite struct StoredAnalysisTests {
    let five = Suppression(threshold: 5)
    let rule = HulpatlasConfig().outcome

    @Test func aRunKeepsTheAnalysisAndALaterCommandReadsIt() throws {
        let (store, set) = try StageTests.store()
        let first = try RunContext(store: store, set: set)
        let computed = try #require(try first.matchHistoryAnalysis(rule: rule, suppression: five, study: nil))
        #expect(!first.analysisFromStore)
        // Not kept until the command succeeded.
        let before = try RunContext(store: store, set: set)
        _ = try before.matchHistoryAnalysis(rule: rule, suppression: five, study: nil)
        #expect(!before.analysisFromStore)
        try first.keepAnalysis()

        let later = try RunContext(store: store, set: set)
        let read = try #require(try later.matchHistoryAnalysis(rule: rule, suppression: five, study: nil))
        #expect(later.analysisFromStore)
        #expect(read.tables.map(\.file) == computed.tables.map(\.file) && read.tables.map(\.rows) == computed.tables.map(\.rows))
        #expect(read.tables.map(\.header) == computed.tables.map(\.header))
        #expect(read.requests == computed.requests && read.helpers == computed.helpers
                && read.requestersNotLocated == computed.requestersNotLocated)
        #expect(read.protection?.rounds == computed.protection?.rounds && read.distances.summaries == computed.distances.summaries)
        #expect(StageSummaryText.analysis(read, threshold: 5) == StageSummaryText.analysis(computed, threshold: 5))
        // A command without a context (analyse, study) reads it too.
        let config = HulpatlasConfig()
        let alone = try StoredInputs.protectedAnalysis(store, requests: try store.requests(), config: config, study: nil)
        #expect(alone.written.tables.map(\.rows) == computed.tables.map(\.rows))

        // Another threshold is another analysis.
        let ten = try RunContext(store: store, set: set)
        _ = try ten.matchHistoryAnalysis(rule: rule, suppression: Suppression(threshold: 10), study: nil)
        #expect(!ten.analysisFromStore)

        // A changed history: computed again, and the tables follow the change.
        let dir = try TemporaryDirectory()
        let text = try String(contentsOfFile: Fixtures.sample("sample_requests.csv"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        for i in 1..<lines.count where lines[i].contains(",geen_match,") {
            lines[i] = lines[i].replacingOccurrences(of: ",geen_match,", with: ",match,")
        }
        let changed = try dir.write("requests.csv", lines.joined(separator: "\n"))
        _ = try RecordIngest.requests(path: changed, store: store, today: Day(year: 2026, month: 1, day: 1)!)
        let after = try RunContext(store: store, set: set)
        let recomputed = try #require(try after.matchHistoryAnalysis(rule: rule, suppression: five, study: nil))
        #expect(!after.analysisFromStore)
        #expect(recomputed.tables.map(\.rows) != computed.tables.map(\.rows))
    }

    /// `analyse` keeps what it computed, and `report` (read-only) reads it; a missing store is
    /// still an error, and no file.
    @Test func analyseKeepsTheTablesForTheReport() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("store.sqlite")
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        _ = try IngestAreasStage.run(options, db: db)
        let config = HulpatlasConfig()
        _ = try IngestHistoryStage.run(.requests, path: Fixtures.sample("sample_requests.csv"), config: config, db: db)
        _ = try IngestHistoryStage.run(.helpers, path: Fixtures.sample("sample_helpers.csv"), config: config, db: db)
        let analysed = try AnalyseStage.run(db: db, config: config, folder: dir.path("out"))
        let report = try RunContext.open(db: db, level: nil, year: nil, readOnly: true)
        let read = try #require(try report.matchHistoryAnalysis(rule: config.outcome, suppression: five, study: nil,
                                                                campaign: config.campaign))
        #expect(report.analysisFromStore)
        #expect(read.tables.map(\.rows) == analysed.analysis.tables.map(\.rows))
        let missing = dir.path("none.sqlite")
        #expect(throws: (any Error).self) { try AnalyseStage.run(db: missing, config: config, folder: dir.path("out2")) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    /// The store serves an entry only for its current generation: the key of an older state
    /// (a deliberately stale key) finds nothing, even though its entry was kept.
    @Test func anOlderStoreStateIsNeverServed() throws {
        let (store, _) = try StageTests.store()
        let old = try store.generation()
        try store.keepAnalysis(key: "k", generation: old, payload: Data("x".utf8))
        #expect(try store.cachedAnalysis(key: "k") == Data("x".utf8))
        // An ingest run (a skipped ingest writes nothing; --reread does).
        _ = try RecordIngest.helpers(path: Fixtures.sample("sample_helpers.csv"), store: store,
                                     today: Day(year: 2026, month: 1, day: 1)!, reread: true)
        #expect(try store.generation() > old)
        #expect(try store.cachedAnalysis(key: "k") == nil, "the stale entry is not served")
        // Keeping for a generation that is no longer the store's keeps nothing.
        try store.keepAnalysis(key: "k2", generation: old, payload: Data("y".utf8))
        #expect(try store.cachedAnalysis(key: "k2") == nil)
        // Kept entries themselves do not change the generation.
        let now = try store.generation()
        try store.keepAnalysis(key: "k3", generation: now, payload: Data("z".utf8))
        #expect(try store.generation() == now && (try store.cachedAnalysis(key: "k3")) == Data("z".utf8))
    }

    /// Every change an analysis reads moves the generation: campaigns, indices, area sets.
    @Test func theGenerationCountsWhatAnAnalysisReads() throws {
        let (store, set) = try StageTests.store()
        var last = try store.generation()
        func moved() throws -> Bool {
            let now = try store.generation()
            defer { last = now }
            return now > last
        }
        _ = try store.replaceCampaigns([StoredCampaign(name: "C", delivered: Day(year: 2022, month: 9, day: 5)!, level: set.level,
                                                       year: set.year, goal: nil, source: "test", flyers: ["3311": 100])])
        #expect(try moved(), "campaigns")
        // The same campaign again (a run with the same campaigns file): nothing written.
        #expect(try store.replaceCampaigns([StoredCampaign(name: "C", delivered: Day(year: 2022, month: 9, day: 5)!, level: set.level,
                                                           year: set.year, goal: nil, source: "test", flyers: ["3311": 100])]) == [true])
        #expect(try !moved(), "an identical campaign")
        _ = try store.removeCampaign(named: "C")
        #expect(try moved(), "campaign removed")
        // The indices campaign matching reads: by content, in the key.
        #expect(try store.campaignIndexState() == "none", "no campaigns: the indices do not matter")
        _ = try store.replaceCampaigns([StoredCampaign(name: "C", delivered: Day(year: 2022, month: 9, day: 5)!, level: set.level,
                                                       year: set.year, goal: nil, source: "test", flyers: ["3311": 100])])
        _ = try moved()
        let context = try RunContext(store: store, set: set)
        _ = try IndexStage.run(context, definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        let indexed = try store.campaignIndexState()
        #expect(indexed != "none")
        _ = try IndexStage.run(context, definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        #expect(try store.campaignIndexState() == indexed, "the same index again: the same state")
        var weights = HulpatlasConfig()
        weights.indexWeights[.debt] = ["mean_woz_value": 3]
        _ = try IndexStage.run(context, definitions: try weights.indexDefinitions(), settings: RiskIndexSettings())
        #expect(try store.campaignIndexState() != indexed, "other weights, other percentiles")
        _ = try AreaIngest.run(AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc6_2020_drechtsteden_synthetic.gpkg")), store: store)
        #expect(try moved(), "an area set")
    }

    /// The key names every setting the analysis reads, and the program.
    @Test func theKeyNamesEverySetting() {
        var campaign = CampaignSettings()
        let study = StudyPeriod(from: Day(year: 2023, month: 1, day: 1)!, to: Day(year: 2023, month: 12, day: 31)!)
        let base = StoredAnalysis.key(generation: 3, rule: rule, suppression: five, study: nil, campaign: campaign, program: "p")
        var keys = [StoredAnalysis.key(generation: 4, rule: rule, suppression: five, study: nil, campaign: campaign, program: "p"),
                    StoredAnalysis.key(generation: 3, rule: rule, suppression: Suppression(threshold: 6), study: nil, campaign: campaign, program: "p"),
                    StoredAnalysis.key(generation: 3, rule: OutcomeRule(matched: [.match], notMatched: [.geen_match]), suppression: five,
                                       study: nil, campaign: campaign, program: "p"),
                    StoredAnalysis.key(generation: 3, rule: rule, suppression: five, study: study, campaign: campaign, program: "p"),
                    StoredAnalysis.key(generation: 3, rule: rule, suppression: five, study: nil, campaign: nil, program: "p"),
                    StoredAnalysis.key(generation: 3, rule: rule, suppression: five, study: nil, campaign: campaign, program: "q"),
                    StoredAnalysis.key(generation: 3, indexState: "abc", rule: rule, suppression: five, study: nil, campaign: campaign,
                                       program: "p")]
        campaign.evaluation.placeboRuns = 49
        keys.append(StoredAnalysis.key(generation: 3, rule: rule, suppression: five, study: nil, campaign: campaign, program: "p"))
        #expect(!keys.contains(base) && Set(keys).count == keys.count)
        // The same settings, the same key (sets are sorted, not in hash order).
        let again = StoredAnalysis.key(generation: 3, rule: OutcomeRule(matched: rule.matched, notMatched: rule.notMatched),
                                       suppression: five, study: nil, campaign: CampaignSettings(), program: "p")
        #expect(again == base)
    }
}
