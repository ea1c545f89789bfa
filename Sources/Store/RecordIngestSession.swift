import Atlas
import Foundation
import GRDB

/// Which records an ingest writes: requests or volunteers (how they are bound to their table).
public struct StoredRecordKind<Value>: Sendable {
    let name: String
    /// "requests" or "helpers", as the run is recorded.
    public var kindName: String { name }
    let upserter: @Sendable (Database) throws -> RecordUpserter
    let pseudonymise: @Sendable (Value, Pseudonymiser) -> Value
    let bind: @Sendable (Value, Int64, DirectStatement) throws -> Void

    public static var requests: StoredRecordKind<HelpRequest> {
        StoredRecordKind<HelpRequest>(name: "requests", upserter: AtlasStore.requestUpserter,
                                      pseudonymise: AtlasStore.pseudonymised, bind: AtlasStore.bind)
    }
    public static var helpers: StoredRecordKind<Helper> {
        StoredRecordKind<Helper>(name: "helpers", upserter: AtlasStore.helperUpserter,
                                 pseudonymise: AtlasStore.pseudonymised, bind: AtlasStore.bind)
    }
}

/// One ingest of records inside one transaction: ids seen so far (pseudonymised, in a
/// temporary table, so memory stays bounded however long the file is) and the upsert.
public final class RecordIngestSession<Value> {
    public let runID: Int64
    private let upserter: RecordUpserter
    private let seen: SeenIDs
    private let bind: (Value, Int64, DirectStatement) throws -> Void
    /// Replaces a value's ids by their pseudonyms; safe to call from another thread (the
    /// ingest pseudonymises on the core that parses).
    public let pseudonymise: @Sendable (Value) -> Value

    init(db: Database, kind: StoredRecordKind<Value>, runID: Int64) throws {
        self.runID = runID
        upserter = try kind.upserter(db)
        let ids = try AtlasStore.pseudonymiser(db)
        let pseudonymise = kind.pseudonymise
        self.pseudonymise = { pseudonymise($0, ids) }
        seen = try SeenIDs(db)
        bind = kind.bind
    }

    /// Records a pseudonymised id; returns its first occurrence (line, row hash) when it was
    /// seen before.
    public func firstSeen(_ pseudonym: String, line: Int, hash: Int) throws -> (line: Int, hash: Int)? {
        try seen.insert(pseudonym, line: line, hash: hash)
    }

    /// Upserts a value `pseudonymise` returned.
    public func upsert(_ pseudonymised: Value) throws { try upserter.upsert { try bind(pseudonymised, runID, $0) } }

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
    private let insert: DirectStatement
    private let lookup: DirectStatement

    init(_ db: Database) throws {
        try db.execute(sql: """
            PRAGMA temp.cache_size = -32768;
            DROP TABLE IF EXISTS temp.ingest_seen;
            CREATE TEMP TABLE ingest_seen (id TEXT PRIMARY KEY, line INTEGER NOT NULL, row_hash INTEGER NOT NULL) WITHOUT ROWID;
            """)
        insert = try DirectStatement(db, sql: "INSERT INTO temp.ingest_seen VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING")
        lookup = try DirectStatement(db, sql: "SELECT line, row_hash FROM temp.ingest_seen WHERE id = ?")
        self.db = db
    }

    /// Records `id`; returns the first occurrence when the id was seen before.
    func insert(_ id: String, line: Int, hash: Int) throws -> (line: Int, hash: Int)? {
        try insert.bind(1, id)
        try insert.bind(2, Int64(line))
        try insert.bind(3, Int64(hash))
        guard try insert.step() == 0 else { return nil }
        try lookup.bind(1, id)
        guard let row = try lookup.firstRow(columns: 2) else { return nil }
        return (Int(row[0]), Int(row[1]))
    }

    func drop() throws { try db.execute(sql: "DROP TABLE IF EXISTS temp.ingest_seen") }
}
