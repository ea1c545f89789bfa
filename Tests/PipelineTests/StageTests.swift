import Atlas
import Config
import Foundation
import Ingest
import Pipeline
import Store
import Testing
import TestSupport

/// The stages as a library, on an in-memory store with the sample.
@Suite struct StageTests {
    static func store(history: Bool = true) throws -> (AtlasStore, AreaSetInfo) {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        _ = try AreaIngest.run(options, store: store)
        if history {
            let today = Day(year: 2026, month: 1, day: 1)!
            _ = try RecordIngest.requests(path: Fixtures.sample("sample_requests.csv"), store: store, today: today)
            _ = try RecordIngest.helpers(path: Fixtures.sample("sample_helpers.csv"), store: store, today: today)
        }
        return (store, try store.resolveAreaSet(level: nil, year: nil))
    }

    @Test func theIndexStageStoresBothIndicesAndTheReach() throws {
        let (store, set) = try Self.store()
        let areas = try store.areas(level: set.level, year: set.year)
        let reach = try IndexStage.reach(try store.requests(), areas: areas, store: store, set: set)
        let summary = try IndexStage.run(store: store, set: set, areas: areas, reach: reach,
                                         definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        #expect(summary.contains("debt index over 67 pc4 2020 areas: 67 ranked"))
        let scores = try store.indexScores(level: set.level, year: set.year)
        #expect(scores.count == 67 && scores.values.allSatisfy { $0["debt"]?.percentile != nil && $0["loneliness"] != nil })
        #expect(try store.reach(level: set.level, year: set.year).values.reduce(0) { $0 + $1.requests } > 1000)
    }

    @Test func anIndexThatRanksNothingFailsAndStoresNothing() throws {
        let (store, set) = try Self.store(history: false)
        let thin = try store.areas(level: set.level, year: set.year).map { a in
            AreaRecord(code: a.code, level: a.level, year: a.year, municipality: a.municipality, areaM2: a.areaM2,
                       pointX: a.pointX, pointY: a.pointY, values: ["aantal_inwoners": a.values["aantal_inwoners"] ?? .empty])
        }
        #expect {
            try IndexStage.run(store: store, set: set, areas: thin, reach: nil,
                               definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        } throws: { "\($0)".contains("ranks none of the 67 areas") && "\($0)".contains("--allow-empty") }
        #expect(try store.indexScores(level: set.level, year: set.year).isEmpty)
    }

    @Test func theTargetStagePlansWithinTheBudgetNearVolunteers() throws {
        let (store, set) = try Self.store()
        let areas = try store.areas(level: set.level, year: set.year)
        _ = try IndexStage.run(store: store, set: set, areas: areas,
                               reach: try IndexStage.reach(try store.requests(), areas: areas, store: store, set: set),
                               definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        var settings = TargetSettings()
        settings.budget = 12_000
        let stored = try TargetStage.run(store: store, set: set, areas: areas, requests: try store.requests(),
                                         helpers: try store.helpers(), settings: settings,
                                         models: try HulpatlasConfig().atRiskModels())
        #expect(!stored.plan.targets.isEmpty && stored.plan.flyers <= 12_000)
        #expect(stored.plan.targets.allSatisfy { $0.nearestVolunteer <= 3000 })
        #expect(try store.targetPlan(level: set.level, year: set.year)?.plan.targets.count == stored.plan.targets.count)
        #expect(TargetStage.summary(stored).contains("\(stored.plan.targets.count) areas"))
    }
}
