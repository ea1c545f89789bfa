import Atlas
import Config
import Reports
import Store

/// What the sinks in Reports need from the store, loaded here (Reports reads no store).
public enum StoredInputs {
    /// The area points of the stored PC6 and PC4 sets, to place postcodes (`RunContext.locator`
    /// keeps them for a run; this is for a command without an area set).
    public static func locator(_ store: AtlasStore) throws -> Locator {
        Locator(pc6Points: try store.areaPoints(level: .pc6), pc4Points: try store.areaPoints(level: .pc4))
    }

    /// The match-history tables of a store (history, register and area points read from it),
    /// protected together with the configuration's study period, for a command without a run.
    /// An analysis kept for the store's state and this configuration is read instead; `keep()`
    /// keeps a computed one (when the store may be written), once the command has succeeded.
    /// `requests` are read only when the analysis has to be computed.
    static func protectedAnalysis(_ store: AtlasStore, requests: @autoclosure () throws -> [HelpRequest], config: HulpatlasConfig,
                                  study: StudyPeriod?) throws -> KeptAnalysis {
        let generation = try store.generation()
        let suppression = Suppression(threshold: config.suppressionThreshold)
        let key = try StoredAnalysis.key(store, generation: generation, rule: config.outcome, suppression: suppression, study: study,
                                         campaign: config.campaign)
        if let kept = try StoredAnalysis.kept(store, key: key) { return KeptAnalysis(written: kept, keep: {}) }
        let history = try requests()
        let computed = try Disclosure.analysis(requests: history, helpers: try store.helpers(), locator: try locator(store),
                                               rule: config.outcome, suppression: suppression, study: study,
                                               campaigns: try CampaignStage.evaluations(store, requests: history, settings: config.campaign))
        return KeptAnalysis(written: computed) {
            if !store.isReadOnly {
                try store.keepAnalysis(key: key, generation: generation, payload: try StoredAnalysis.encode(computed))
            }
        }
    }

    /// A command's analysis, and how to keep it in the store once the command has succeeded.
    struct KeptAnalysis {
        var written: MatchHistoryReport.Written
        var keep: () throws -> Void
    }

    /// The atlas GeoPackage's model of the context's area set, with `plan` (nil: no targets layer).
    public static func atlas(_ context: RunContext, plan: StoredTargetPlan?, language: ReportLanguage) throws -> AtlasGeoPackage.Model {
        let (store, set) = (context.store, context.set)
        let (scores, reach) = try context.storedIndex()
        return AtlasGeoPackage.Model(
            geometries: try context.geometries().mapValues { [UInt8]($0) },
            indicators: try store.indicators(level: set.level, year: set.year).map(\.name),
            scores: scores, reach: reach, plan: plan, language: language)
    }
}
