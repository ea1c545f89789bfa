import Atlas
import Foundation
import GRDB

/// What one input file contributed to an ingest run.
public struct IngestFileCount: Sendable, Equatable {
    public var file: String
    public var role: String
    public var read: Int
    public var accepted: Int
    public var rejected: Int { read - accepted }
    public init(file: String, role: String, read: Int, accepted: Int) {
        self.file = file
        self.role = role
        self.read = read
        self.accepted = accepted
    }
}

extension AtlasStore {
    /// Opens a run record inside the caller's transaction; returns its id.
    public static func beginRun(_ db: Database, kind: String, startedAt: Date) throws -> Int64 {
        try db.execute(sql: "INSERT INTO ingest_runs (kind, started_at, finished_at) VALUES (?, ?, '')",
                       arguments: [kind, ISO8601DateFormatter().string(from: startedAt)])
        return db.lastInsertedRowID
    }

    /// Completes a run record with its per-file counts and its rejects.
    public static func finishRun(_ db: Database, runID: Int64, files: [IngestFileCount], rejects: [Reject]) throws {
        try db.execute(sql: "UPDATE ingest_runs SET finished_at = ? WHERE id = ?",
                       arguments: [ISO8601DateFormatter().string(from: Date()), runID])
        for f in files {
            try db.execute(sql: """
                INSERT INTO ingest_files (run_id, file, role, rows_read, rows_accepted, rows_rejected)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [runID, f.file, f.role, f.read, f.accepted, f.rejected])
        }
        let insert = try db.cachedStatement(sql: """
            INSERT INTO rejects (run_id, file, line, field, value, reason, row_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for r in rejects {
            try insert.execute(arguments: [runID, r.file, r.line, r.field, r.value, r.reason, r.rowRejected])
        }
    }

    /// The rejects of one run, in input order.
    public func rejects(runID: Int64) throws -> [Reject] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT file, line, field, value, reason, row_rejected FROM rejects WHERE run_id = ? ORDER BY rowid
                """, arguments: [runID]).map {
                Reject(file: $0["file"], line: $0["line"], field: $0["field"], value: $0["value"],
                       reason: $0["reason"], rowRejected: $0["row_rejected"])
            }
        }
    }
}
