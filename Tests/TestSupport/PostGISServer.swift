import Foundation

/// A real PostgreSQL + PostGIS server for the tests: HULPATLAS_TEST_PG when set (`.ci/run` starts
/// one), else a throwaway server started once per test process on a Unix socket by
/// `.ci/postgis-server.sh` (Debian's postgresql and postgis, installed by `make test-deps`) and
/// stopped when the process ends.
public enum PostGISServer {
    /// The GDAL connection string, or why there is no server.
    public static let connection: Result<String, ServerError> = {
        if let given = ProcessInfo.processInfo.environment["HULPATLAS_TEST_PG"], !given.isEmpty { return .success(given) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-pg-\(getpid())").path
        let (status, output) = script(["start", folder])
        guard status == 0, let line = output.split(separator: "\n").last, line.hasPrefix("PG:") else {
            return .failure(ServerError(description: "could not start PostgreSQL + PostGIS (make test-deps installs them): \(output)"))
        }
        startedFolder = folder
        atexit { PostGISServer.stop() }
        return .success(String(line))
    }()

    public struct ServerError: Error, CustomStringConvertible { public var description: String }

    /// Set once, inside `connection`'s one-time initialiser; read at process exit.
    nonisolated(unsafe) private static var startedFolder: String?

    static func stop() {
        guard let folder = startedFolder else { return }
        _ = script(["stop", folder])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The socket folder of `connection` ("host=…").
    public static func socketFolder(_ connection: String) -> String? {
        connection.split(separator: " ").first { $0.hasPrefix("host=") || $0.hasPrefix("PG:host=") }
            .map { String($0.split(separator: "=", maxSplits: 1)[1]) }
    }

    /// Runs psql on the test database (or `database`) and returns its unaligned output.
    public static func psql(_ sql: String, connection: String, database: String? = nil) throws -> String {
        var arguments = ["-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1"]
        for part in connection.dropFirst(3).split(separator: " ") {
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { continue }
            switch kv[0] {
            case "host": arguments += ["-h", kv[1]]
            case "user": arguments += ["-U", kv[1]]
            case "port": arguments += ["-p", kv[1]]
            case "dbname": if database == nil { arguments += ["-d", kv[1]] }
            default: break
            }
        }
        if let database { arguments += ["-d", database] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql"] + arguments + ["-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ServerError(description: "psql: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs the server script through system(3), its output to a file. Foundation's Process is
    /// not used: on Linux its wait did not return once the script had started a server through
    /// runuser (the script stayed a zombie), and at process exit it can deadlock.
    static func script(_ arguments: [String]) -> (Int32, String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-pg-script-\(getpid()).log").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = Fixtures.repositoryRoot.appendingPathComponent(".ci/postgis-server.sh").path
        let words = ([script] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system("/bin/bash \(words.joined(separator: " ")) >'\(log)' 2>&1 </dev/null")
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return (status == 0 ? 0 : 1, output)
    }
}
