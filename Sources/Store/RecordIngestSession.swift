import Atlas
import Foundation
import GRDB

/// Which records an ingest writes: requests or volunteers (how they are bound to their table).
public struct StoredRecordKind<Value>: Sendable {
    let name: String
    /// "requests" or "helpers", as the run is recorded.
    public var kindName: String { name }
    let upserter: @Sendable (Database) throws -> RecordUpserter
    let bind: @Sendable (Value, Int64, Pseudonymiser) -> StatementArguments

    public static var requests: StoredRecordKind<HelpRequest> {
        StoredRecordKind<HelpRequest>(name: "requests", upserter: AtlasStore.requestUpserter, bind: AtlasStore.arguments)
    }
    public static var helpers: StoredRecordKind<Helper> {
        StoredRecordKind<Helper>(name: "helpers", upserter: AtlasStore.helperUpserter, bind: AtlasStore.arguments)
    }
}

/// One ingest of records inside one transaction: ids seen so far (in a temporary table, so
/// memory stays bounded however long the file is) and the upsert, with ids pseudonymised.
public final class RecordIngestSession<Value> {
    public let runID: Int64
    private let upserter: RecordUpserter
    private let ids: Pseudonymiser
    private let seen: SeenIDs
    private let bind: (Value, Int64, Pseudonymiser) -> StatementArguments

    init(db: Database, kind: StoredRecordKind<Value>, runID: Int64) throws {
        self.runID = runID
        upserter = try kind.upserter(db)
        ids = try AtlasStore.pseudonymiser(db)
        seen = try SeenIDs(db)
        bind = kind.bind
    }

    /// Records `id`; returns its first occurrence (line, row hash) when it was seen before.
    public func firstSeen(_ id: String, line: Int, hash: Int) throws -> (line: Int, hash: Int)? {
        try seen.insert(id, line: line, hash: hash)
    }

    public func upsert(_ value: Value) throws { try upserter.upsert(bind(value, runID, ids)) }

    func finish() throws -> UpsertCounts {
        try seen.drop()
        return try upserter.finish()
    }
}

/// What the caller of `ingestRecords` read from its file.
public struct RecordIngestTally: Sendable {
    public var read: Int
    public var accepted: Int
    public var rejects: [Reject]
    public init(read: Int, accepted: Int, rejects: [Reject]) {
        self.read = read
        self.accepted = accepted
        self.rejects = rejects
    }
}

extension AtlasStore {
    /// Ingests records of `file` in one transaction (rolled back when `body` throws): `body`
    /// reads the file, upserting through the session; the run and its rejects are recorded.
    public func ingestRecords<Value>(_ kind: StoredRecordKind<Value>, file: String, startedAt: Date,
                                     _ body: (RecordIngestSession<Value>) throws -> RecordIngestTally) throws
        -> (tally: RecordIngestTally, changes: UpsertCounts, runID: Int64) {
        try write { db in
            let runID = try AtlasStore.beginRun(db, kind: kind.name, startedAt: startedAt)
            let session = try RecordIngestSession(db: db, kind: kind, runID: runID)
            let tally = try body(session)
            let changes = try session.finish()
            try AtlasStore.finishRun(db, runID: runID,
                                     files: [IngestFileCount(file: file, role: kind.name, read: tally.read, accepted: tally.accepted)],
                                     rejects: tally.rejects)
            return (tally, changes, runID)
        }
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
