import Config
import Foundation
import Ingest
import Reports
import Store

/// Reads the match history or the volunteer register into the store, upserting by id.
public enum IngestHistoryStage {
    public enum File: String, Sendable { case requests, helpers }

    public struct Summary: CustomStringConvertible, Sendable {
        public let records: RecordIngestSummary
        public let store: String
        public var description: String { StageSummaryText.records(records, store: store) }
    }

    /// Opens (or creates) the store at `db`, ingests `path`, and writes the rejected rows to
    /// `rejectsFile`. An input the store's latest ingest of its kind read unchanged is not read
    /// again (its counts and rejects are the stored ones), unless `reread`.
    public static func run(_ file: File, path: String, config: HulpatlasConfig, db: String,
                           rejectsFile: String? = nil, reread: Bool = false) throws -> Summary {
        let summary = try run(file, path: path, config: config, store: try AtlasStore(path: db), storeLabel: db, reread: reread)
        if let rejectsFile { try RejectsTable.write(summary.records.rejects, to: rejectsFile) }
        return summary
    }

    static func run(_ file: File, path: String, config: HulpatlasConfig, store: AtlasStore, storeLabel: String,
                    reread: Bool = false) throws -> Summary {
        let records = switch file {
        case .requests: try RecordIngest.requests(path: path, config: config, store: store, reread: reread)
        case .helpers: try RecordIngest.helpers(path: path, config: config, store: store, reread: reread)
        }
        return Summary(records: records, store: storeLabel)
    }
}
