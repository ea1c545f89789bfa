import Atlas
import Config
import Reports
import Store

/// The match-history tables of a store, without any area set: distances, supply/demand,
/// monthly and quarterly series and breakdowns, protected together (`Disclosure`).
public enum AnalyseStage {
    public struct Summary: CustomStringConvertible, Sendable {
        public let analysis: MatchHistoryReport.Written
        public let threshold: Int
        public var description: String { StageSummaryText.analysis(analysis, threshold: threshold) }
    }

    /// Reads the history, register and area points of the store at `db` and writes the tables into `folder`.
    public static func run(db: String, config: HulpatlasConfig, folder: String) throws -> Summary {
        let store = try AtlasStore(path: db, readOnly: true)
        let analysis = try StoredInputs.protectedAnalysis(store, requests: try store.requests(), config: config,
                                                          study: config.studyPeriod)
        try createOutputFolder(folder)
        for table in analysis.tables { try table.writeCSV(in: folder) }
        return Summary(analysis: analysis, threshold: config.suppressionThreshold)
    }
}
