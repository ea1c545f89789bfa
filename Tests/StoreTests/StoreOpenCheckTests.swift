import Atlas
import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// A store is checked when it is opened: damage and a newer schema are refused before anything
/// is written, and read-only commands never create a file.
@Suite struct StoreOpenCheckTests {
    static func filledStore(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.path("s.sqlite")
        let store = try AtlasStore(path: path)
        try store.write { db in
            for i in 0..<400 {
                try db.execute(sql: "INSERT INTO ingest_runs (kind, started_at, finished_at) VALUES ('areas', ?, ?)",
                               arguments: [String(repeating: "x", count: 200) + "\(i)", "y"])
            }
        }
        return path
    }

    @Test func aDamagedPageIsFoundOnOpen() throws {
        let dir = try TemporaryDirectory()
        let path = try Self.filledStore(dir)
        #expect(throws: Never.self) { _ = try AtlasStore(path: path) }
        // Overwrite the b-tree header of the table's root page with garbage.
        let root = try DatabaseQueue(path: path).read {
            try Int.fetchOne($0, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'ingest_runs'")!
        }
        let pageSize = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA page_size")! }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: UInt64((root - 1) * pageSize))
        handle.write(Data(repeating: 0xA5, count: 12))
        try handle.close()
        #expect { _ = try AtlasStore(path: path) } throws: { "\($0)".contains("is damaged") }
        #expect { _ = try AtlasStore(path: path, exclusive: false, readOnly: true) } throws: { "\($0)".contains("is damaged") }
    }

    @Test func aSchemaFromANewerVersionIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = try Self.filledStore(dir)
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-from-the-future')") }
        #expect { _ = try AtlasStore(path: path) } throws: {
            "\($0)".contains("newer hulpatlas") && "\($0)".contains("v99-from-the-future")
        }
    }

    @Test func readOnlyOpeningCreatesNoFile() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("absent.sqlite")
        #expect { _ = try AtlasStore(path: path, exclusive: false, readOnly: true) } throws: { "\($0)".contains("there is no store") }
        #expect(!FileManager.default.fileExists(atPath: path))
        let existing = try Self.filledStore(dir)
        let store = try AtlasStore(path: existing, exclusive: false, readOnly: true)
        #expect(throws: (any Error).self) { try store.write { try $0.execute(sql: "DELETE FROM ingest_runs") } }
    }
}
