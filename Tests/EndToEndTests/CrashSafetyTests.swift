import Foundation
import Store
import Testing
import TestSupport

/// hulpatlas killed with SIGKILL in the middle of its work, and two runs on one store at once.
@Suite(.serialized) struct CrashSafetyTests {
    /// A valid requests file of `rows` rows (ids R1 …), large enough that ingest takes a while.
    static func bigRequests(_ path: String, rows: Int, prefix: String = "R") throws {
        var text = "request_id,created_at,kind,category,subcategory,requester_postcode,requester_type,location,status,"
            + "closed_at,helper_id,helper_postcode,organisation\n"
        text.reserveCapacity(rows * 110)
        let postcodes = ["3311AB", "3312CD", "3313EF", "3314GH", "3315JK", "3316LM", "3317NP", "3318RS"]
        for i in 0..<rows {
            let month = 1 + i % 12, day = 1 + i % 28
            let date = "2023-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
            text += "\(prefix)\(i),\(date),hulpvraag,praktisch,klussen,\(postcodes[i % 8]),bewoner,HipHelpt Test,match,\(date),"
                + "V\(i % 50),\(postcodes[(i + 3) % 8]),Buurtzorg\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Starts hulpatlas without waiting for it.
    static func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// What the store holds, as one comparable value (order-independent).
    static func snapshot(_ db: String) throws -> [String] {
        let store = try AtlasStore(path: db, exclusive: false)
        return try store.requests().map { "\($0.id)|\($0.createdAt)|\($0.status.rawValue)|\($0.location)" }.sorted()
            + store.helpers().map { "\($0.id)|\($0.location)" }.sorted()
    }

    static func waitUntil(_ condition: () -> Bool, timeout: Double = 60) {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() && Date() < deadline { usleep(20_000) }
    }

    @Test func sigkillDuringIngestLeavesTheStoreAsItWas() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("store.sqlite")
        #expect(try RunCommandTests.hulpatlas(["ingest", "areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--db", db]).status == 0)
        #expect(try RunCommandTests.hulpatlas(["ingest", "requests", "Data/sample_requests.csv", "--db", db]).status == 0)
        #expect(try RunCommandTests.hulpatlas(["ingest", "helpers", "Data/sample_helpers.csv", "--db", db]).status == 0)
        let before = try Self.snapshot(db)
        #expect(before.count == 1579 + 224)

        let big = dir.path("big.csv")
        try Self.bigRequests(big, rows: 200_000)
        for delay in [0.2, 0.8] {
            let (process, _, _) = try Self.start(["ingest", "requests", big, "--db", db])
            // Wait until the ingest transaction has begun writing (SQLite's rollback journal).
            Self.waitUntil { FileManager.default.fileExists(atPath: db + "-journal") || !process.isRunning }
            usleep(useconds_t(delay * 1_000_000))
            #expect(process.isRunning, "the ingest finished before it could be killed")
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

            let store = try AtlasStore(path: db, exclusive: false)
            #expect(try store.integrityCheck() == "ok")
            #expect(try Self.snapshot(db) == before, "the store holds exactly what it held before the killed run")
        }
        // And the next run works normally: the killed runs left no trace, so the first ingest is
        // still the latest (the file is not read again); read anyway, nothing changes.
        let skipped = try RunCommandTests.hulpatlas(["ingest", "requests", "Data/sample_requests.csv", "--db", db])
        #expect(skipped.status == 0 && skipped.stdout.contains("unchanged since ingest run 2"), "\(skipped.stdout)")
        let after = try RunCommandTests.hulpatlas(["ingest", "requests", "Data/sample_requests.csv", "--db", db, "--reread"])
        #expect(after.status == 0 && after.stdout.contains("1579 unchanged"), "\(after.stdout)")
    }

    @Test func sigkillDuringRunNeverLeavesAHalfWrittenOutput() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let arguments = ["run", "--config", "Data/demo.toml", "--out", out]
        #expect(try RunCommandTests.hulpatlas(arguments).status == 0)
        // Kill later runs at different moments; every output under its final name stays whole.
        for delay in [0.3, 0.9, 1.5, 2.2] {
            let (process, _, _) = try Self.start(arguments)
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            for file in try FileManager.default.contentsOfDirectory(atPath: out) where !file.hasPrefix(".") {
                let path = (out as NSString).appendingPathComponent(file)
                if file.hasSuffix(".csv") {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    #expect(text.hasSuffix("\n"), "\(file) ends with a complete line")
                } else if file.hasSuffix(".html") {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    #expect(text.hasSuffix("</html>\n"), "\(file) is complete")
                } else if file.hasSuffix(".gpkg") || file.hasSuffix(".xlsx") {
                    let info = try RunCommandTests.hulpatlasTool("ogrinfo", ["-so", "-q", path])
                    #expect(info.contains("1: "), "\(file) opens: \(info)")
                }
            }
            let store = try AtlasStore(path: (out as NSString).appendingPathComponent("hulpatlas.sqlite"), exclusive: false)
            #expect(try store.integrityCheck() == "ok")
        }
    }

    @Test func aSecondRunOnTheSameStoreWaitsForTheFirst() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("store.sqlite")
        let big = dir.path("big.csv"), other = dir.path("other.csv")
        try Self.bigRequests(big, rows: 80_000)
        try Self.bigRequests(other, rows: 1_000, prefix: "Q")
        let (first, firstOut, _) = try Self.start(["ingest", "requests", big, "--db", db])
        Self.waitUntil { FileManager.default.fileExists(atPath: db + "-journal") || !first.isRunning }
        let (second, secondOut, secondErr) = try Self.start(["ingest", "requests", other, "--db", db])
        let secondMessages = String(decoding: secondErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = secondOut.fileHandleForReading.readDataToEndOfFile()
        second.waitUntilExit()
        _ = firstOut.fileHandleForReading.readDataToEndOfFile()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.terminationStatus == 0)
        #expect(secondMessages.contains("waiting for another hulpatlas run that uses \(db) to finish"))
        let store = try AtlasStore(path: db, exclusive: false)
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.requests().count == 81_000)
    }

    @Test func aSecondRunGivesUpClearlyWhenTold() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("store.sqlite")
        let big = dir.path("big.csv")
        try Self.bigRequests(big, rows: 80_000)
        let (first, firstOut, _) = try Self.start(["ingest", "requests", big, "--db", db])
        Self.waitUntil { FileManager.default.fileExists(atPath: db + "-journal") || !first.isRunning }
        let (second, _, secondErr) = try Self.start(["info", "--db", db])
        second.waitUntilExit()
        #expect(second.terminationStatus == 0, "info reads without waiting")
        _ = secondErr.fileHandleForReading.readDataToEndOfFile()
        let (third, _, thirdErr) = try Self.start(["index", "--db", db], environment: ["HULPATLAS_LOCK_WAIT": "0.5"])
        let message = String(decoding: thirdErr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        third.waitUntilExit()
        #expect(third.terminationStatus != 0)
        #expect(message.contains("another hulpatlas run is still using \(db) after 0 s"), "\(message)")
        _ = firstOut.fileHandleForReading.readDataToEndOfFile()
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
    }
}
