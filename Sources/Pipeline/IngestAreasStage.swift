import Foundation
import Ingest
import Reports
import Store

/// Reads an area file and its statistics tables into the store (one transaction per set).
public enum IngestAreasStage {
    public struct Summary: CustomStringConvertible, Sendable {
        public let areas: AreaIngestSummary
        /// The store's path, as the summary names it.
        public let store: String
        public var description: String { StageSummaryText.areas(areas, store: store) }
    }

    /// Opens (or creates) the store at `db`, ingests, and writes the rejected rows to
    /// `rejectsFile`. Files the stored set was made from, unchanged, are not read again unless `reread`.
    public static func run(_ options: AreaIngestOptions, db: String, rejectsFile: String? = nil, reread: Bool = false) throws -> Summary {
        let summary = try run(options, store: try AtlasStore(path: db), storeLabel: db, reread: reread)
        if let rejectsFile { try RejectsTable.write(summary.areas.rejects, to: rejectsFile) }
        return summary
    }

    static func run(_ options: AreaIngestOptions, store: AtlasStore, storeLabel: String, reread: Bool = false) throws -> Summary {
        Summary(areas: try AreaIngest.run(options, store: store, reread: reread), store: storeLabel)
    }
}
