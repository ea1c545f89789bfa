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
    static func store(history: Bool = true) throws -> (AtlasStore, AreaSetInfo) {  // the sample, ingested
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
        let context = try RunContext(store: store, set: set)
        let summary = try IndexStage.run(context, definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        #expect(summary.contains("debt index over 67 pc4 2020 areas: 67 ranked"))
        let scores = try store.indexScores(level: set.level, year: set.year)
        #expect(scores.count == 67 && scores.values.allSatisfy { $0["debt"]?.percentile != nil && $0["loneliness"] != nil })
        #expect(try store.reach(level: set.level, year: set.year).values.reduce(0) { $0 + $1.requests } > 1000)
    }

    /// `hulpatlas index` reads only the columns the indices and the reach use: the same scores,
    /// components and summary as from all 37 columns (a broken column list, one without the
    /// stand-ins, would change the summary's "cannot compute" lines or the scores).
    @Test func theIndexFromItsOwnColumnsEqualsTheIndexFromAll() throws {
        let definitions = try HulpatlasConfig().indexDefinitions()
        let columns = IndexStage.columns(definitions)
        #expect(Set(columns).count == columns.count)
        #expect(columns.contains("percentageEenpersoonshuishoudens"), "stand-ins are read too")
        #expect(columns.contains("aantal_part_huishoudens") && columns.contains("aantal_inwoners"))
        func indexed(_ columns: [String]?) throws -> (String, [String: [String: StoredIndexScore]]) {
            let (store, set) = try Self.store()
            let context = try RunContext(store: store, set: set, columns: columns)
            #expect(columns == nil || context.areas.allSatisfy { Set($0.values.keys).isSubset(of: Set(columns!)) })
            let summary = try IndexStage.run(context, definitions: definitions, settings: RiskIndexSettings())
            return (summary, try store.indexScores(level: set.level, year: set.year))
        }
        let (all, allScores) = try indexed(nil)
        let (own, ownScores) = try indexed(columns)
        #expect(own == all)
        #expect(ownScores == allScores)
    }

    @Test func anIndexThatRanksNothingFailsAndStoresNothing() throws {
        // The sample's shapes and codes only: no statistics, so no component can be computed.
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.boundariesOnly = true
        _ = try AreaIngest.run(options, store: store)
        let set = try store.resolveAreaSet(level: nil, year: nil)
        #expect {
            try IndexStage.run(try RunContext(store: store, set: set), definitions: try HulpatlasConfig().indexDefinitions(),
                               settings: RiskIndexSettings())
        } throws: { "\($0)".contains("ranks none of the 67 areas") && "\($0)".contains("--allow-empty") }
        #expect(try store.indexScores(level: set.level, year: set.year).isEmpty)
    }

    @Test func theTargetStagePlansWithinTheBudgetNearVolunteers() throws {
        let (store, set) = try Self.store()
        let context = try RunContext(store: store, set: set)
        _ = try IndexStage.run(context, definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        var settings = TargetSettings()
        settings.budget = 12_000
        settings.contiguityBonus = 0.25
        let stored = try TargetStage.run(context, settings: settings, models: try HulpatlasConfig().atRiskModels())
        #expect(!stored.plan.targets.isEmpty && stored.plan.flyers <= 12_000)
        #expect(stored.plan.targets.allSatisfy { $0.nearestVolunteer <= 3000 })
        #expect(try store.targetPlan(level: set.level, year: set.year)?.plan.targets.count == stored.plan.targets.count)
        #expect(TargetStage.summary(stored).contains("\(stored.plan.targets.count) areas"))
    }
}

/// The context loads once and keeps what several stages need.
@Suite struct RunContextTests {
    @Test func neighboursAndLocatorAreComputedOnceAndKept() throws {
        let (store, set) = try StageTests.store()
        let context = try RunContext(store: store, set: set)
        #expect(context.areas.count == 67 && context.requests.count > 1000 && context.helpers.count > 100)
        let first = try context.neighbours()
        #expect(first.neighbours.count == 67 && first.neighbours.allSatisfy { !$0.isEmpty })
        // Kept: the same answer without touching the store's geometries again.
        #expect(try context.neighbours().neighbours == first.neighbours)
        #expect(try context.locator().hasAreas)
        context.releaseHistory()
        #expect(context.requests.isEmpty && context.helpers.isEmpty && context.areas.count == 67)
    }

    /// The stored indices are read once for the later stages, and read again once the index
    /// stage has stored new ones (without that, target and export would see none).
    @Test func theStoredIndexIsKeptUntilTheIndexStageReplacesIt() throws {
        let (store, set) = try StageTests.store()
        let context = try RunContext(store: store, set: set)
        #expect(try context.storedIndex().scores.isEmpty)
        _ = try IndexStage.run(context, definitions: try HulpatlasConfig().indexDefinitions(), settings: RiskIndexSettings())
        let after = try context.storedIndex()
        #expect(after.scores.count == 67 && !after.reach.isEmpty)
        #expect(after.scores == (try store.indexScores(level: set.level, year: set.year)))
    }
}
