import Atlas
import Config
import Foundation
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

    /// Reads the history, register and area points of the store at `db` and writes the tables
    /// into `folder`; then keeps them in the store for the commands after it (`report`,
    /// `export`, `study`), unless they came from it.
    public static func run(db: String, config: HulpatlasConfig, folder: String) throws -> Summary {
        // A missing store is an error, as for every command that reads one (never a new empty file).
        guard FileManager.default.fileExists(atPath: db) else { throw StoreError.missing(path: db) }
        let store = try AtlasStore(path: db)
        let analysis = try StoredInputs.protectedAnalysis(store, requests: try store.requests(), config: config,
                                                          study: config.studyPeriod)
        try createOutputFolder(folder)
        for table in analysis.written.tables { try table.writeCSV(in: folder) }
        try analysis.keep()
        return Summary(analysis: analysis.written, threshold: config.suppressionThreshold)
    }
}
