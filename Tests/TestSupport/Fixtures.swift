import Foundation

/// Paths to test fixtures, the repository's sample data and the workspace's shared data.
public enum Fixtures {
    /// The repository root (two levels above Tests/TestSupport).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relative).path
    }

    /// A file of the embedded sample (Data/).
    public static func sample(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Data").appendingPathComponent(name).path
    }

    /// ../shared/data beside the repository (present in the workspace and in CI), or
    /// HULPATLAS_SHARED_DATA. nil when neither exists: tests on national data are then skipped.
    public static let sharedData: URL? = {
        if let env = ProcessInfo.processInfo.environment["HULPATLAS_SHARED_DATA"] {
            return URL(fileURLWithPath: env)
        }
        let beside = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: beside.path) ? beside : nil
    }()

    public static func shared(_ relative: String) -> String? {
        guard let base = sharedData else { return nil }
        let p = base.appendingPathComponent(relative).path
        return FileManager.default.fileExists(atPath: p) ? p : nil
    }

    /// Reads a small CSV fixture (no quoted commas) into dictionaries keyed by header.
    public static func readSimpleCSV(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) else {
            return []
        }
        return lines.dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
    }
}

/// A fresh temporary directory, removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL
    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` to a file in this directory and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let p = path(name)
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}
