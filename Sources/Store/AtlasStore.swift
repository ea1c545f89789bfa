import Atlas
import Foundation
import GRDB

/// The embedded SQLite store every stage reads and writes. Each write is one transaction:
/// a stage that fails leaves the store as it was.
public final class AtlasStore: Sendable {
    public let path: String
    /// Opened with `readOnly`: nothing can be written (not even kept analyses).
    public let isReadOnly: Bool
    let queue: DatabaseQueue
    /// Held while this value lives: one run per store at a time (see `StoreLock`).
    private let lock: StoreLock?

    /// Seconds a run waits for another run on the same store (HULPATLAS_LOCK_WAIT, default 600).
    public static var lockWait: Double {
        ProcessInfo.processInfo.environment["HULPATLAS_LOCK_WAIT"].flatMap(Double.init) ?? 600
    }

    /// A store larger than this is not `quick_check`ed on open (it would take long); SQLite still
    /// checks every page it reads, and `make stress` / `integrityCheck()` check it whole.
    public static let quickCheckLimit: UInt64 = 512 << 20

    /// Opens (creating when needed) the store at `path` and brings its schema up to date.
    /// `exclusive` (default) first takes the store's lock, waiting for another run to finish.
    /// `readOnly` opens an existing store without writing (a missing one is an error, not an
    /// empty file). On open the store is checked: `PRAGMA quick_check` (up to
    /// `quickCheckLimit`), and a schema written by a newer hulpatlas is refused.
    public init(path: String, exclusive: Bool = true, readOnly: Bool = false) throws {
        if readOnly, !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missing(path: path)
        }
        lock = exclusive && !readOnly ? try StoreLock(store: path, wait: AtlasStore.lockWait) : nil
        let existed = FileManager.default.fileExists(atPath: path)
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? UInt64) ?? 0
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
            let opened = try DatabaseQueue(path: path, configuration: config)
            if existed { try AtlasStore.check(opened, path: path, size: size) }
            // A read-only command, too, brings an older schema up to date first (no data changes).
            if try !readOnly || opened.read({ try !Schema.migrator.hasCompletedMigrations($0) }) {
                try Schema.migrator.migrate(opened)
            }
            if readOnly {
                config.readonly = true
                queue = try DatabaseQueue(path: path, configuration: config)
            } else {
                queue = opened
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.cannotOpen(path: path, reason: error.message ?? error.description)
        } catch is CocoaError {
            throw StoreError.cannotOpen(path: path, reason: "cannot create its folder")
        }
        self.path = path
        isReadOnly = readOnly
    }

    /// A schema newer than this program's, or a damaged file, is refused before anything is written.
    static func check(_ queue: DatabaseQueue, path: String, size: UInt64) throws {
        try queue.read { db in
            if try Schema.migrator.hasBeenSuperseded(db) {
                let known = Set(Schema.migrator.migrations)
                let unknown = try Schema.migrator.appliedIdentifiers(db).filter { !known.contains($0) }.sorted()
                throw StoreError.newerSchema(path: path, migrations: unknown)
            }
            guard size <= AtlasStore.quickCheckLimit else { return }
            let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
            if problems != ["ok"] { throw StoreError.damaged(path: path, problems: problems) }
        }
    }

    /// An in-memory store, for tests.
    public init() throws {
        var config = Configuration()
        config.foreignKeysEnabled = true
        queue = try DatabaseQueue(configuration: config)
        try Schema.migrator.migrate(queue)
        path = ":memory:"
        isReadOnly = false
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
