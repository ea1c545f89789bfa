import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run per store: an exclusive `flock` on the store file itself, held while a command
/// that uses the store runs. (SQLite locks with `fcntl`, which is independent of `flock` on
/// Linux, so the two never interfere.) A second run waits, saying so once on stderr, or gives
/// up after `wait` seconds with a clear error. The kernel drops the lock when the process
/// ends, also when it is killed, so a crashed run never blocks the next one.
public final class StoreLock: @unchecked Sendable {
    public let path: String
    private let fd: Int32

    /// `wait`: seconds to wait for another run; 0 fails at once.
    public init(store: String, wait: Double = 600, notice: (String) -> Void = StoreLock.printToStderr) throws {
        path = store
        let dir = URL(fileURLWithPath: store).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        // O_CREAT makes an empty file for a new store, which SQLite takes as an empty database.
        fd = open(store, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw StoreError.cannotOpen(path: store, reason: String(cString: strerror(errno)))
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            notice("waiting for another hulpatlas run that uses \(store) to finish …")
            let deadline = Date().addingTimeInterval(wait)
            while flock(fd, LOCK_EX | LOCK_NB) != 0 {
                guard Date() < deadline else {
                    close(fd)
                    throw StoreError.busy(path: store, seconds: wait)
                }
                usleep(100_000)
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }

    public static func printToStderr(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
