import Atlas
import Config
import Foundation
import Geo
import Reports
import Store

/// What the stages of one run read, loaded from the store once and kept: the area set, its
/// areas, the match history and register, and — when first asked for — the shapes, the queen
/// neighbours (computed once for the index and the flyer plan) and the postcode locator.
public final class RunContext {
    public let store: AtlasStore
    public let set: AreaSetInfo
    public let areas: [AreaRecord]
    public private(set) var requests: [HelpRequest]
    public private(set) var helpers: [Helper]
    private var wkb: [String: Data]?
    private var queen: (neighbours: [[Int]], islands: Int)?
    private var points: (pc6: [String: (x: Double, y: Double)], pc4: [String: (x: Double, y: Double)])?
    private var placed: Locator?
    private var stored: (scores: [String: [String: StoredIndexScore]], reach: [String: Reach.AreaReach])?
    private var analysis: (key: AnalysisKey, result: MatchHistoryReport.Written)?
    private var forecast: (key: AnalysisKey, requestsPerVolunteer: Double?, tables: [PublishedTable])?

    /// The store's generation when the history was loaded, and after this context's own writes
    /// (campaigns): the kept analyses of that store state are this context's.
    private var generation: Int64

    /// Loads the set's areas and the stored history and register. `columns`: read only these
    /// statistics of the areas (a command that needs a few of 34 columns, such as `index`).
    public init(store: AtlasStore, set: AreaSetInfo, columns: [String]? = nil) throws {
        self.store = store
        self.set = set
        generation = try store.generation()
        areas = try store.areas(level: set.level, year: set.year, only: columns)
        requests = try store.requests()
        helpers = try store.helpers()
    }

    /// Opens the store at `db` and loads the area set of `level` and `year` (either may be nil
    /// when the store holds one such set). `readOnly`: a missing store is an error, never a new
    /// empty file.
    public static func open(db: String, level: AreaLevel?, year: Int?, readOnly: Bool, columns: [String]? = nil) throws -> RunContext {
        let store = try AtlasStore(path: db, readOnly: readOnly)
        return try RunContext(store: store, set: try store.resolveAreaSet(level: level, year: year), columns: columns)
    }

    /// Frees the history and register (about 500 MB for 1,000,000 requests) when no later stage
    /// of this command needs them.
    public func releaseHistory() {
        requests = []
        helpers = []
    }

    /// The areas' shapes as ISO WKB (EPSG:28992), by code.
    public func geometries() throws -> [String: Data] {
        if let wkb { return wkb }
        let loaded = try store.areaGeometries(level: set.level, year: set.year)
        wkb = loaded
        return loaded
    }

    /// The shapes parsed, in `areas` order (nil: no usable shape); not kept (about 1 GB for
    /// the PC6 areas of the country).
    public func shapes() throws -> [Geometry?] {
        let wkb = try geometries()
        return areas.map { a in wkb[a.code].flatMap { try? Geometry(wkb: [UInt8]($0)) } }
    }

    /// Queen neighbours (10 m tolerance) in `areas` order, and the shapes without any.
    public func neighbours() throws -> (neighbours: [[Int]], islands: Int) {
        if let queen { return queen }
        let shapes = try shapes()
        let found = Contiguity.queen(shapes, map: Parallel.map)
        let computed = (neighbours: found, islands: found.indices.filter { shapes[$0] != nil && found[$0].isEmpty }.count)
        queen = computed
        return computed
    }

    /// The stored PC6 and PC4 area points, to place postcodes.
    public func locator() throws -> Locator {
        if let placed { return placed }
        let p = try areaPoints()
        let loaded = Locator(pc6Points: p.pc6, pc4Points: p.pc4)
        placed = loaded
        return loaded
    }

    /// The stored PC4 area points only (the catchment drawn on report maps, coarse on purpose).
    public func pc4Locator() throws -> Locator {
        Locator(pc6Points: [:], pc4Points: try areaPoints().pc4)
    }

    private func areaPoints() throws -> (pc6: [String: (x: Double, y: Double)], pc4: [String: (x: Double, y: Double)]) {
        if let points { return points }
        let loaded = (pc6: try store.areaPoints(level: .pc6), pc4: try store.areaPoints(level: .pc4))
        points = loaded
        return loaded
    }

    /// The stored risk indices and reach of the set, read once for the stages after `index`
    /// (target, export, atlas, report); the index stage drops them when it stores new ones.
    public func storedIndex() throws -> (scores: [String: [String: StoredIndexScore]], reach: [String: Reach.AreaReach]) {
        if let stored { return stored }
        let loaded = (scores: try store.indexScores(level: set.level, year: set.year),
                      reach: try store.reach(level: set.level, year: set.year))
        stored = loaded
        return loaded
    }

    /// The stored indices or reach changed: read them again when next asked for.
    func storedIndexChanged() { stored = nil }
    /// The stored campaigns changed: the protected tables are made again.
    func campaignsChanged() {
        analysis = nil
        forecast = nil
        generation = (try? store.generation()) ?? -1
    }

    /// The match-history analyses (distances, supply/demand, monthly, quarterly, breakdowns) as
    /// tables protected together (`Disclosure`), computed once per rule and threshold; nil
    /// without requests. With `study` (the configuration's `[study]`), the study period's tables
    /// are in the set: every command of one configuration publishes one pattern of hidden cells.
    /// With `campaign` settings, the stored campaigns' evaluations are in the set too.
    public func matchHistoryAnalysis(rule: OutcomeRule, suppression: Suppression,
                                     study: StudyPeriod?, campaign: CampaignSettings? = nil) throws -> MatchHistoryReport.Written? {
        guard !requests.isEmpty else { return nil }
        let key = AnalysisKey(rule: rule, suppression: suppression, study: study, campaign: campaign)
        if let analysis, analysis.key == key { return analysis.result }
        // Kept in the store by an earlier command of the same store state and configuration.
        let kept = try StoredAnalysis.key(store, generation: generation, rule: rule, suppression: suppression, study: study,
                                          campaign: campaign)
        if let result = try StoredAnalysis.kept(store, key: kept) {
            analysis = (key, result)
            analysisFromStore = true
            return result
        }
        let result = try Disclosure.analysis(requests: requests, helpers: helpers, locator: try locator(), rule: rule,
                                             suppression: suppression, study: study,
                                             campaigns: try CampaignStage.evaluations(store, requests: requests, settings: campaign))
        analysis = (key, result)
        analysisFromStore = false
        toKeep = (kept, generation, result)
        return result
    }

    /// Whether the last analysis came from the store (kept by an earlier command) instead of
    /// being computed.
    public private(set) var analysisFromStore = false
    private var toKeep: (key: String, generation: Int64, result: MatchHistoryReport.Written)?

    /// Keeps the analysis this context computed in the store, for later commands with the same
    /// store state and configuration. Called when a command has succeeded (a failed one leaves
    /// the store as it was); a read-only store keeps nothing.
    public func keepAnalysis() throws {
        guard let toKeep, !store.isReadOnly else { return }
        try store.keepAnalysis(key: toKeep.key, generation: toKeep.generation, payload: try StoredAnalysis.encode(toKeep.result))
        self.toKeep = nil
    }

    /// The demand forecast of `config` (forecast.csv and volunteers_needed.csv, from the history
    /// and the protected tables of its analysis; `ForecastStage`), computed once per
    /// configuration; empty without a history to forecast. Export writes it, the quarterly
    /// reports show it.
    public func forecastTables(config: HulpatlasConfig) throws -> [PublishedTable] {
        let key = AnalysisKey(rule: config.outcome, suppression: Suppression(threshold: config.suppressionThreshold),
                              study: config.studyPeriod, campaign: config.campaign)
        guard let analysis = try matchHistoryAnalysis(rule: key.rule, suppression: key.suppression, study: key.study,
                                                      campaign: key.campaign) else { return [] }
        let perVolunteer = config.forecast.requestsPerVolunteer
        if let forecast, forecast.key == key, forecast.requestsPerVolunteer == perVolunteer { return forecast.tables }
        let tables = ForecastTables.tables(ForecastStage.series(requests: requests, protected: analysis.tables,
                                                                requestsPerVolunteer: perVolunteer))
        let published = tables.contains { !$0.rows.isEmpty } ? tables : []
        forecast = (key, perVolunteer, published)
        return published
    }

    private struct AnalysisKey: Equatable {
        var rule: OutcomeRule
        var suppression: Suppression
        var study: StudyPeriod?
        var campaign: CampaignSettings?
    }
}
