import Foundation
import Testing
import TestSupport

/// Location and organisation names as an export may hold them: names that fold to the same
/// file name, emoji, punctuation, a name longer than a file name may be, "all", and formulas.
@Suite struct HostileNamesEndToEndTests {
    static let longName = String(repeating: "Buurthulp Dordrecht-Noord en Omstreken ", count: 8)

    static func requests(_ dir: TemporaryDirectory) throws -> String {
        var text = try String(contentsOfFile: Fixtures.path("bad/requests/colliding_names_formulas.csv"), encoding: .utf8)
        text += "R6,2023-03-05,hulpvraag,sociaal,bezoek,3311AB,bewoner,\(longName),match,2023-03-05,,,Buurtzorg\n"
        text += "R7,2023-03-06,hulpvraag,sociaal,bezoek,3311AB,bewoner,all,match,2023-03-06,,,Buurtzorg\n"
        return try dir.write("requests.csv", text)
    }

    @Test func everyLocationGetsItsOwnReportAndNoCellIsAFormula() throws {
        let dir = try TemporaryDirectory()
        let out = dir.path("out")
        let r = try RunCommandTests.hulpatlas(["run", "--areas", Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"),
                                               "--requests", try Self.requests(dir), "--out", out, "--allow-empty",
                                               "--quarter", "all"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        let reports = files.filter { $0.hasPrefix("report-") && $0.hasSuffix("-2023-Q1.html") }
        // 7 locations ("all" renamed to "all (locatie)") plus the all-locations total.
        #expect(reports.count == 7, "\(reports.sorted())")
        #expect(files.allSatisfy { $0.utf8.count < 120 }, "no file name near the 255-byte limit")
        let index = try String(contentsOfFile: (out as NSString).appendingPathComponent("index.html"), encoding: .utf8)
        for report in reports { #expect(index.components(separatedBy: "href=\"\(report)\"").count == 2, "\(report) linked once") }
        // No cell of any CSV starts a formula (OWASP CSV injection).
        for csv in files where csv.hasSuffix(".csv") {
            let rows = try Fixtures.readSimpleCSV((out as NSString).appendingPathComponent(csv))
            for row in rows {
                for (_, cell) in row {
                    let bad = cell.first.map { "=+@\t\r".contains($0) || ($0 == "-" && Double(cell) == nil) } ?? false
                    #expect(!bad, "\(csv): \(cell)")
                }
            }
        }
        let breakdowns = try String(contentsOfFile: (out as NSString).appendingPathComponent("breakdowns.csv"), encoding: .utf8)
        #expect(breakdowns.contains("'=HYPERLINK") || !breakdowns.contains("HYPERLINK"))
        #expect(!breakdowns.contains(",=HYPERLINK") && !breakdowns.contains(",@SUM") && !breakdowns.contains(",+cmd"))
    }
}

/// Numbers in flags that once trapped (exit 132): each is refused before any work, with a
/// message, and the store is not touched.
@Suite struct HostileFlagsEndToEndTests {
    @Test(arguments: [["--volunteer-km", "nan"], ["--near-volunteers-km", "nan"], ["--near-volunteers-km=-1"],
                      ["--radius-km", "nan", "--around", "3311"], ["--budget=-1"], ["--contiguity-bonus", "nan"],
                      ["--contiguity-bonus", "inf"], ["--volunteer-km", "1e308"],
                      ["--municipality", "Dordrecht", "--near-volunteers-km", "2"]])
    func refusedBeforeAnyWork(_ flags: [String]) throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("s.sqlite")
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--out", dir.path("t")] + flags)
        #expect(r.status != 0 && r.status != 132 && r.status != 133, "exit \(r.status)")
        #expect(r.stderr.contains("must be") || r.stderr.contains("give one catchment"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db), "validate() runs before the store is opened")
    }

    @Test func aMisspeltMunicipalityListsTheKnownOnes() throws {
        let (dir, db) = try TargetAndExportCommandTests.store()
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--municipality", "Dordrect", "--out", dir.path("t")])
        #expect(r.status != 0)
        #expect(r.stderr.contains("'Dordrect'") && r.stderr.contains("Dordrecht") && r.stderr.contains("unchanged"))
    }
}

/// Wrong or misleading with exit 0, before: each now fails with a message and changes nothing.
@Suite struct MisleadingInputsEndToEndTests {
    @Test func anOutputFolderHoldingInputsIsRefused() throws {
        let dir = try TemporaryDirectory()
        let requests = try dir.write("trend.csv", try String(contentsOfFile: Fixtures.sample("sample_requests.csv"), encoding: .utf8))
        let before = try Data(contentsOf: URL(fileURLWithPath: requests))
        let r = try RunCommandTests.hulpatlas(["run", "--areas", Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"),
                                               "--requests", requests, "--out", dir.url.path])
        #expect(r.status != 0 && r.stderr.contains("would overwrite") && r.stderr.contains("trend.csv"), "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: requests)) == before)
    }

    @Test func aQuarterOutsideTheHistoryWritesNothing() throws {
        let (dir, db) = try TargetAndExportCommandTests.store()
        let r = try RunCommandTests.hulpatlas(["report", "--db", db, "--quarter", "2099-Q1", "--out", dir.path("r")])
        #expect(r.status != 0 && r.stderr.contains("no request in 2099-Q1"), "\(r.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: dir.path("r"))) ?? []
        #expect(!written.contains { $0.hasSuffix(".html") })
    }

    @Test(arguments: [["info"], ["report", "--out", "r"], ["export", "--format", "csv", "--out", "e"]])
    func readOnlyCommandsLeaveNoStoreBehind(_ command: [String]) throws {
        let dir = try TemporaryDirectory()
        let db = dir.path("typo.sqlite")
        let r = try RunCommandTests.hulpatlas(command.map { $0 == "r" || $0 == "e" ? dir.path($0) : $0 } + ["--db", db])
        #expect(r.status != 0 && r.stderr.contains("there is no store"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
