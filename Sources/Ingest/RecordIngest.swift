import Atlas
import Config
import Foundation
import GRDB
import Store

/// What `ingest requests` / `ingest helpers` did. Counts add up: read = accepted + rejected.
public struct RecordIngestSummary: Sendable {
    public var kind: String
    public var file: String
    public var read: Int
    public var accepted: Int
    public var rejected: Int { read - accepted }
    public var blankLines: Int
    /// Fields read as Windows-1252 because they were not UTF-8.
    public var windows1252Fields = 0
    public var delimiter: String
    public var changes: UpsertCounts
    public var rejects: [Reject]
    public var runID: Int64
}

/// Streams a match-history or volunteer CSV into the store, in one transaction: a file that
/// fails as a whole (bad header, unreadable) changes nothing.
public enum RecordIngest {
    public static func requests(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                                today: Day = .today) throws -> RecordIngestSummary {
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.requestColumns,
                                    required: Vocabulary.requiredRequestColumns, configured: config.requests.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = RequestRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                      config: config.requests, today: today)
        return try run(kind: "requests", idField: "request_id", reader: reader, store: store, upserter: AtlasStore.requestUpserter,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } },
                       arguments: { AtlasStore.arguments($0, runID: $1, ids: $2) })
    }

    public static func helpers(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                               today: Day = .today) throws -> RecordIngestSummary {
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.helperColumns,
                                    required: Vocabulary.requiredHelperColumns, configured: config.helpers.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = HelperRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                     config: config.helpers, today: today)
        return try run(kind: "helpers", idField: "helper_id", reader: reader, store: store, upserter: AtlasStore.helperUpserter,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } },
                       arguments: { AtlasStore.arguments($0, runID: $1, ids: $2) })
    }

    private static func run<Value: Hashable>(
        kind: String, idField: String, reader: CSVRecordReader, store: AtlasStore,
        upserter makeUpserter: (Database) throws -> RecordUpserter,
        parse: (CSVRecordReader.Record) -> Result<(String, Value, [Reject]), Reject>,
        arguments: (Value, Int64, Pseudonymiser) -> StatementArguments
    ) throws -> RecordIngestSummary {
        let started = Date()
        return try store.write { db in
            let runID = try AtlasStore.beginRun(db, kind: kind, startedAt: started)
            let upserter = try makeUpserter(db)
            let ids = try AtlasStore.pseudonymiser(db)
            var read = 0, accepted = 0
            var rejects: [Reject] = []
            // id → (line, hash of the row), enough to tell an exact repeat from a conflict, kept in
            // a temporary table so that memory stays bounded however long the file is.
            let seen = try SeenIDs(db)
            while let record = try reader.next() {
                read += 1
                switch parse(record) {
                case let .failure(reject):
                    rejects.append(reject)
                case let .success((id, value, valueRejects)):
                    if let first = try seen.insert(id, line: record.line, hash: value.hashValue) {
                        let reason = first.hash == value.hashValue
                            ? "repeats line \(first.line) exactly; ignored"
                            : "this id is already on line \(first.line) with different data; the first is kept"
                        rejects.append(Reject(file: reader.path, line: record.line, field: idField, value: "", reason: reason))
                        continue
                    }
                    rejects += valueRejects
                    try upserter.upsert(arguments(value, runID, ids))
                    accepted += 1
                }
            }
            try seen.drop()
            let counts = try upserter.finish()
            try AtlasStore.finishRun(db, runID: runID,
                                     files: [IngestFileCount(file: reader.path, role: kind, read: read, accepted: accepted)],
                                     rejects: rejects)
            var summary = RecordIngestSummary(kind: kind, file: reader.path, read: read, accepted: accepted,
                                              blankLines: reader.blankLines, delimiter: reader.delimiterName, changes: counts,
                                              rejects: rejects, runID: runID)
            summary.windows1252Fields = reader.windows1252Fields
            return summary
        }
    }
}

extension Day {
    /// Today's date in the Netherlands.
    public static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// The ids of one ingest so far, in a temporary SQLite table (on disk, not in memory).
final class SeenIDs {
    private let db: Database
    private let insert: Statement
    private let lookup: Statement

    init(_ db: Database) throws {
        self.db = db
        try db.execute(sql: """
            DROP TABLE IF EXISTS temp.ingest_seen;
            CREATE TEMP TABLE ingest_seen (id TEXT PRIMARY KEY, line INTEGER NOT NULL, row_hash INTEGER NOT NULL) WITHOUT ROWID;
            """)
        insert = try db.makeStatement(sql: "INSERT INTO temp.ingest_seen VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")
        lookup = try db.makeStatement(sql: "SELECT line, row_hash FROM temp.ingest_seen WHERE id = ?")
    }

    /// Records `id`; returns the first occurrence when the id was seen before.
    func insert(_ id: String, line: Int, hash: Int) throws -> (line: Int, hash: Int)? {
        try insert.execute(arguments: [id, line, hash])
        guard db.changesCount == 0 else { return nil }
        guard let row = try Row.fetchOne(lookup, arguments: [id]) else { return nil }
        return (row[0], row[1])
    }

    func drop() throws { try db.execute(sql: "DROP TABLE IF EXISTS temp.ingest_seen") }
}
