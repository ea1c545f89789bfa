import Atlas
import Config
import Foundation
@testable import Pipeline
import Store
import Testing
import TestSupport

/// `hulpatlas run` as a library call: every stage once, in order, over one context.
@Suite struct RunStageTests {
    @Test func theRunWritesEveryOutputAndTimesEveryStage() throws {
        let out = IngestAndOutputStageTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var areas = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        areas.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        var target = TargetSettings()
        target.budget = 12_000
        let request = RunStage.Request(
            areas: areas, requests: Fixtures.sample("sample_requests.csv"), helpers: Fixtures.sample("sample_helpers.csv"),
            out: out, db: (out as NSString).appendingPathComponent("hulpatlas.sqlite"), config: HulpatlasConfig(),
            target: target, report: ReportSettings(), allowEmptyIndex: false, title: "test")
        var printed: [String] = []
        let summary = try RunStage.run(request) { printed.append($0) }
        #expect(summary.timings.map(\.stage) == ["ingest areas", "ingest requests", "ingest helpers", "load", "index", "target",
                                                 "analyse", "forecast", "export csv", "export gpkg", "export xlsx", "report"])
        #expect(summary.timings.allSatisfy { $0.seconds >= 0 })
        // The stages' summaries, in order, as they finished.
        #expect(printed.count == 6 && printed[0].hasPrefix("Stored 67 pc4 areas") && printed[4].hasPrefix("\nflyer targets"))
        for file in summary.files + summary.reports.map(\.file) + ["index.html"] {
            #expect(FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent(file)), "\(file)")
        }
        #expect(summary.files.contains("rejected.csv") && summary.files.contains("hulpatlas.xlsx"))
        #expect(summary.reports.count == 4 && summary.reports.contains { $0.file == "report.html" && $0.location == .all })
    }

    /// The same run again on the store it left reads no input again and takes the protected
    /// tables from the store: every CSV is byte-identical to the first run's.
    @Test func aRunAgainWithUnchangedInputsReadsNothingAndWritesTheSame() throws {
        let root = IngestAndOutputStageTests.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var areas = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        areas.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        let db = (root as NSString).appendingPathComponent("hulpatlas.sqlite")
        func run(_ out: String) throws -> [String] {
            var printed: [String] = []
            _ = try RunStage.run(RunStage.Request(
                areas: areas, requests: Fixtures.sample("sample_requests.csv"), helpers: Fixtures.sample("sample_helpers.csv"),
                out: (root as NSString).appendingPathComponent(out), db: db, config: HulpatlasConfig(), target: TargetSettings(),
                report: ReportSettings(), allowEmptyIndex: false, title: "test")) { printed.append($0) }
            return printed
        }
        let first = try run("first")
        #expect(!first.joined().contains("not read again"))
        let generation = try AtlasStore(path: db, exclusive: false).generation()
        let second = try run("second")
        #expect(second.filter { $0.contains("not read again") }.count == 3, "areas, requests and helpers: \(second)")
        #expect(try AtlasStore(path: db, exclusive: false).generation() == generation, "nothing read, nothing changed")
        #expect(try AtlasStore(path: db, exclusive: false).keptAnalyses() == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: (root as NSString).appendingPathComponent("first"))
            .filter { $0.hasSuffix(".csv") }
        #expect(files.count > 15)
        for file in files {
            let a = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent("first/\(file)"))
            let b = FileManager.default.contents(atPath: (root as NSString).appendingPathComponent("second/\(file)"))
            #expect(a != nil && a == b, "\(file)")
        }
    }

    @Test func aFailedStageStopsTheRun() throws {
        let out = IngestAndOutputStageTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var areas = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        areas.boundariesOnly = true  // no statistics: the index ranks nothing
        let request = RunStage.Request(areas: areas, requests: nil, helpers: nil, out: out,
                                       db: (out as NSString).appendingPathComponent("hulpatlas.sqlite"), config: HulpatlasConfig(),
                                       target: TargetSettings(), report: ReportSettings(), allowEmptyIndex: false, title: "test")
        #expect { try RunStage.run(request) { _ in } } throws: { "\($0)".contains("ranks none") }
        #expect(!FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("areas.csv")))
    }
}
