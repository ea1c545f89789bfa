import Atlas
import Foundation
import GRDB

/// The embedded SQLite store every stage reads and writes. Each write is one transaction:
/// a stage that fails leaves the store as it was.
public final class AtlasStore: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// Held while this value lives: one run per store at a time (see `StoreLock`).
    private let lock: StoreLock?

    /// Seconds a run waits for another run on the same store (HULPATLAS_LOCK_WAIT, default 600).
    public static var lockWait: Double {
        ProcessInfo.processInfo.environment["HULPATLAS_LOCK_WAIT"].flatMap(Double.init) ?? 600
    }

    /// Opens (creating when needed) the store at `path` and brings its schema up to date.
    /// `exclusive` (default) first takes the store's lock, waiting for another run to finish.
    public init(path: String, exclusive: Bool = true) throws {
        lock = exclusive ? try StoreLock(store: path, wait: AtlasStore.lockWait) : nil
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(30)
        config.label = "hulpatlas"
        config.prepareDatabase { db in
            // 64 MiB page cache: bulk upserts touch the id index all over.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: config)
            try Schema.migrator.migrate(queue)
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        } catch is CocoaError {
            throw StoreError.cannotOpen(path: path, reason: "cannot create its folder")
        }
        self.path = path
    }

    /// An in-memory store, for tests.
    public init() throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: config)
        try Schema.migrator.migrate(queue)
        path = ":memory:"
        lock = nil
    }

    /// Runs `body` in one write transaction (rolled back when it throws).
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.write(body)
    }

    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.read(body)
    }

    /// `PRAGMA integrity_check`: "ok" for a healthy file.
    public func integrityCheck() throws -> String {
        try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
