import Foundation
import Geo
import Testing
import TestSupport

/// Runs the built `hulpatlas` binary on the embedded sample and checks real numbers in its outputs.
@Suite struct RunCommandTests {
    static var binary: String {
        // The test bundle and the executable are built into the same folder.
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("hulpatlas").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return Fixtures.repositoryRoot.appendingPathComponent(".build/debug/hulpatlas").path
    }

    struct Result { var status: Int32; var stdout: String; var stderr: String }

    static func hulpatlas(_ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = Fixtures.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a GDAL command-line tool (ogrinfo) and returns its output.
    static func hulpatlasTool(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func runOnTheSampleWritesAreasAndAtlas() throws {
        let dir = try TemporaryDirectory()
        let result = try Self.hulpatlas(["run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg",
                                         "--stats", "Data/pc4_gemeente_drechtsteden.csv", "--out", dir.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Stored 67 pc4 areas for 2020"))
        #expect(result.stdout.contains("67 read = 67 accepted + 0 rejected"))

        // areas.csv: one row per area, the population adds up to the CBS total.
        let rows = try Fixtures.readSimpleCSV(dir.path("areas.csv"))
        #expect(rows.count == 67)
        #expect(rows.compactMap { Int($0["population"] ?? "") }.reduce(0, +) == 420_125)
        let r3311 = try #require(rows.first { $0["area_code"] == "3311" })
        #expect(r3311["municipality"] == "Dordrecht")
        #expect(r3311["level"] == "pc4" && r3311["year"] == "2020")
        let km2 = try #require(Double(r3311["area_km2"] ?? ""))
        #expect(abs(km2 - 2.4546) < 0.001)
        #expect(rows.allSatisfy { $0["municipality"]?.isEmpty == false })

        // atlas.gpkg: the areas layer in EPSG:28992, secret values as NULL, never as -99997.
        let layer = try VectorDataset(path: dir.path("atlas.gpkg")).layer(named: "areas")
        #expect(layer.spatialReference?.identifier == "EPSG:28992")
        #expect(layer.featureCount == 67)
        let names = layer.fields.map(\.name)
        var nulls = 0, unrankedDebt = 0
        for feature in layer {
            for (i, name) in names.enumerated() {
                switch feature.value(at: i) {
                case .null where name == "debt_percentile": unrankedDebt += 1
                case .null where !name.hasSuffix("_percentile") && !name.hasSuffix("_decile") && !name.hasSuffix("_cluster"):
                    nulls += 1
                case let .real(v): #expect(v > -99990)
                default: break
                }
            }
        }
        #expect(nulls == 90, "the 90 CBS-coded cells of the sample")
        // The fitted debt index has percentage components that CBS publishes where counts are
        // secret: every area of the sample keeps at least half of its components.
        #expect(unrankedDebt == 0, "no area misses more than half of the debt components")
        let deciles = rows.compactMap { Int($0["debt_decile"] ?? "") }
        #expect(deciles.count == 67 && deciles.min() == 1 && deciles.max() == 10)

        let rejected = try String(contentsOfFile: dir.path("rejected.csv"), encoding: .utf8)
        #expect(rejected == "file,line,field,value,reason,row_rejected\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).sorted()
        // No temporary files are left; without a match history there are no reports, and the
        // flyer plan chooses nothing (no volunteers).
        #expect(leftovers == ["areas.csv", "atlas.gpkg", "columns.csv", "hulpatlas.sqlite", "hulpatlas.xlsx", "index.html",
                              "index_components.csv", "index_summary.csv", "rejected.csv", "targets.csv"])
        #expect(result.stdout.contains("nothing chosen: no area in the catchment has an active volunteer within 3000 m"))
        let components = try Fixtures.readSimpleCSV(dir.path("index_components.csv"))
        #expect(Set(components.filter { $0["index"] == "debt" }.map { $0["area_code"]! }).count == 67)
        let summary = try Fixtures.readSimpleCSV(dir.path("index_summary.csv"))
        let moran = try #require(summary.first { $0["index"] == "debt" && $0["measure"] == "morans_i" })
        #expect(Double(moran["value"]!)! > 0, "debt risk clusters in space")
    }

    @Test func outputIsByteIdenticalAcrossRuns() throws {
        let a = try TemporaryDirectory(), b = try TemporaryDirectory()
        for dir in [a, b] {
            let r = try Self.hulpatlas(["run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--out", dir.url.path])
            #expect(r.status == 0)
        }
        #expect(try Data(contentsOf: a.url.appendingPathComponent("areas.csv"))
                == Data(contentsOf: b.url.appendingPathComponent("areas.csv")))
    }

    @Test func versionAndCompletionScripts() throws {
        let version = try Self.hulpatlas(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0.17.0 (GDAL 3."), "\(version.stdout)")
        #expect(version.stdout.contains("GLPK ") && version.stdout.contains("SQLite 3."))
        for shell in ["bash", "zsh", "fish"] {
            let script = try Self.hulpatlas(["--generate-completion-script", shell])
            #expect(script.status == 0)
            // The script completes the subcommands and their flags.
            #expect(script.stdout.contains("target") && script.stdout.contains("round-letterboxes"), "\(shell)")
        }
        // Piped stderr is no terminal: no progress bar escape codes in a run's messages.
        let dir = try TemporaryDirectory()
        let run = try Self.hulpatlas(["ingest", "areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--db", dir.path("s.sqlite")])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\u{1B}[2K") && !run.stdout.contains("\u{1B}[2K"))
    }

    @Test func errorsAreOneClearLineAndANonZeroExit() throws {
        let dir = try TemporaryDirectory()
        let missing = try Self.hulpatlas(["ingest", "areas", "Data/nope.gpkg", "--db", dir.path("s.sqlite")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot open Data/nope.gpkg: no such file"))
        let noKey = try Self.hulpatlas(["ingest", "areas", "Tests/Fixtures/areas/no_postcode.geojson",
                                        "--year", "2020", "--db", dir.path("s.sqlite")])
        #expect(noKey.status != 0)
        #expect(noKey.stderr.contains("no area code column found"))
        #expect(noKey.stderr.contains("id, naam"))
    }

    @Test func ingestWritesRejectsAndInfoShowsTheStore() throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("s.sqlite")
        let r = try Self.hulpatlas(["ingest", "areas", "Tests/Fixtures/areas/small_rd.geojson",
                                    "--stats", "Tests/Fixtures/areas/small_stats.csv", "--year", "2020",
                                    "--db", db, "--rejects", dir.path("rejects.csv")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("8 read = 6 accepted + 2 rejected"))
        #expect(r.stdout.contains("7 read = 5 accepted + 2 rejected"))
        let rejects = try Fixtures.readSimpleCSV(dir.path("rejects.csv"))
        #expect(rejects.count == 8)  // 2 + 2 rows, 3 shapes, 1 word in a numeric column
        let info = try Self.hulpatlas(["info", "--db", db])
        #expect(info.stdout.contains("pc4 2020: 6 areas"))
    }
}
