import Crypto
import Foundation
import GRDB

/// An earlier ingest of the same input: its run, what it read, and its rejects.
public struct UnchangedIngest: Sendable, Equatable {
    public var runID: Int64
    public var file: String
    public var read: Int
    public var accepted: Int
    public var blankLines: Int
    public var windows1252Fields: Int
    public var delimiter: String
    /// The rest of the ingest's summary, as the ingest recorded it (JSON).
    public var summary: String?
}

extension AtlasStore {
    /// The latest ingest run of `kind`, when it read an input with this `fingerprint`: then the
    /// store holds what reading it again would give (a later ingest of the kind would be the
    /// latest instead, and the input would be read again).
    public func unchangedIngest(kind: String, fingerprint: String) throws -> UnchangedIngest? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT r.id, f.fingerprint, f.blank_lines, f.windows1252_fields, f.delimiter, f.summary_json,
                       i.file, i.rows_read, i.rows_accepted
                FROM ingest_runs r
                JOIN ingest_fingerprints f ON f.run_id = r.id
                JOIN ingest_files i ON i.run_id = r.id
                WHERE r.id = (SELECT max(id) FROM ingest_runs WHERE kind = ?)
                """, arguments: [kind]), row["fingerprint"] as String == fingerprint
            else { return nil }
            return Self.unchanged(row)
        }
    }

    /// The area set that an ingest of an input with this `fingerprint` made, while it is still
    /// the stored set of its level and year (a later ingest of the set replaces its run).
    public func unchangedAreaSet(fingerprint: String) throws -> UnchangedIngest? {
        try read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.id, f.blank_lines, f.windows1252_fields, f.delimiter, f.summary_json,
                       i.file, i.rows_read, i.rows_accepted
                FROM area_sets s
                JOIN ingest_runs r ON r.id = s.run_id
                JOIN ingest_fingerprints f ON f.run_id = r.id
                JOIN ingest_files i ON i.run_id = r.id AND i.role = 'boundaries'
                WHERE f.fingerprint = ? ORDER BY r.id DESC LIMIT 1
                """, arguments: [fingerprint]).map(Self.unchanged)
        }
    }

    private static func unchanged(_ row: Row) -> UnchangedIngest {
        UnchangedIngest(runID: row["id"], file: row["file"], read: row["rows_read"], accepted: row["rows_accepted"],
                        blankLines: row["blank_lines"], windows1252Fields: row["windows1252_fields"],
                        delimiter: row["delimiter"], summary: row["summary_json"])
    }

    /// The per-file counts of run `runID`, in the order recorded.
    public func ingestFiles(runID: Int64) throws -> [IngestFileCount] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT file, role, rows_read, rows_accepted FROM ingest_files WHERE run_id = ? ORDER BY rowid",
                             arguments: [runID]).map {
                IngestFileCount(file: $0["file"], role: $0["role"], read: $0["rows_read"], accepted: $0["rows_accepted"])
            }
        }
    }

    /// Records what run `runID` read (after its ingest has committed: a run without a
    /// fingerprint is read again next time, never skipped wrongly).
    public func recordFingerprint(runID: Int64, kind: String, fingerprint: String, blankLines: Int = 0, windows1252Fields: Int = 0,
                                  delimiter: String = "", summary: String? = nil) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO ingest_fingerprints
                    (run_id, kind, fingerprint, blank_lines, windows1252_fields, delimiter, summary_json)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [runID, kind, fingerprint, blankLines, windows1252Fields, delimiter, summary])
        }
    }
}

/// The content hash of an input file with what else decides how it is read (SHA-256, hex).
public enum InputFingerprint {
    /// Streams `path` in blocks (the file is never held whole), then adds each `context` line.
    /// Nil when `path` is not a regular file that can be read (a missing file, a folder, a GDAL
    /// connection or virtual path): such an input is always read, and its reader says what is wrong.
    public static func of(file path: String, context: [String]) -> String? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hash = SHA256()
        do {
            while let block = try handle.read(upToCount: 1 << 22), !block.isEmpty { hash.update(data: block) }
        } catch {
            return nil
        }
        for line in context { hash.update(data: Data(("\n" + line).utf8)) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
