import Atlas
import Config
import Foundation
@testable import Pipeline
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
