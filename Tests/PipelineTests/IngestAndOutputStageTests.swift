import Atlas
import Config
import Foundation
import Geo
@testable import Pipeline
import Reports
import Store
import Testing
import TestSupport

/// The ingest, analyse, export, info and audit stages, on an in-memory store where they take one
/// and on a temporary folder where they write files.
@Suite struct IngestAndOutputStageTests {
    static func folder() -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-stage-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theIngestStagesCountWhatTheyStore() throws {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        let areas = try IngestAreasStage.run(options, store: store, storeLabel: "memory")
        #expect(areas.areas.areasStored == 67 && areas.areas.level == .pc4 && areas.areas.year == 2020)
        #expect(areas.description.hasPrefix("Stored 67 pc4 areas for 2020 in memory"))
        let requests = try IngestHistoryStage.run(.requests, path: Fixtures.sample("sample_requests.csv"), config: HulpatlasConfig(),
                                                  store: store, storeLabel: "memory")
        #expect(requests.records.read == requests.records.accepted + requests.records.rejected)
        #expect(requests.records.accepted > 1000 && requests.records.changes.inserted == requests.records.accepted)
        #expect(try store.requests().count == requests.records.accepted)
        // Again: every row is unchanged, none new.
        let again = try IngestHistoryStage.run(.requests, path: Fixtures.sample("sample_requests.csv"), config: HulpatlasConfig(),
                                               store: store, storeLabel: "memory")
        #expect(again.records.changes.inserted == 0 && again.records.changes.unchanged == requests.records.accepted)
        let helpers = try IngestHistoryStage.run(.helpers, path: Fixtures.sample("sample_helpers.csv"), config: HulpatlasConfig(),
                                                 store: store, storeLabel: "memory")
        #expect(try store.helpers().count == helpers.records.accepted)
    }

    /// The analysis is computed once per rule and threshold, and is the one the export writes.
    @Test func theContextComputesTheAnalysisOnceAndTheExportUsesIt() throws {
        let (store, set) = try StageTests.store()
        let context = try RunContext(store: store, set: set)
        let config = HulpatlasConfig()
        let five = Suppression(threshold: 5)
        let first = try #require(try context.matchHistoryAnalysis(rule: config.outcome, suppression: five, study: nil))
        #expect(first.files == ["distances.csv", "distance_histogram.csv", "distances_quarterly.csv", "distance_histogram_quarterly.csv",
                                "supply_demand.csv", "monthly.csv", "quarterly.csv", "trend.csv", "breakdowns.csv"])
        #expect(first.protection != nil && first.unprotected.isEmpty, "protected together; the true values are not kept")
        let exported = try ExportStage.tables(context, config: config)
        #expect(exported.analysis?.tables.map(\.rows) == first.tables.map(\.rows))
        #expect(exported.files.first == "areas.csv" && exported.files.last == "columns.csv")
        // Another threshold is another analysis, not the kept one.
        let ten = try #require(try context.matchHistoryAnalysis(rule: config.outcome, suppression: Suppression(threshold: 10), study: nil))
        #expect(ten.tables.map(\.rows) != first.tables.map(\.rows))
    }

    /// The workbook's sheets hold the CSV files' rows, cell for cell (numbers as numbers).
    @Test func theWorkbookHoldsTheSameRowsAsTheCSVFiles() throws {
        let (store, set) = try StageTests.store()
        let context = try RunContext(store: store, set: set)
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let csvFiles = try ExportStage.write(.csv, context: context, config: HulpatlasConfig(), folder: out)
        #expect(try ExportStage.write(.xlsx, context: context, config: HulpatlasConfig(), folder: out) == ["hulpatlas.xlsx"])
        let workbook = try VectorDataset(path: (out as NSString).appendingPathComponent("hulpatlas.xlsx"))
        #expect(workbook.layerNames == csvFiles.map { ($0 as NSString).deletingPathExtension })
        for file in ["supply_demand.csv", "monthly.csv", "breakdowns.csv"] {
            let csv = try Fixtures.readSimpleCSV((out as NSString).appendingPathComponent(file))
            let sheet = try workbook.layer(named: (file as NSString).deletingPathExtension)
            let names = sheet.fields.map(\.name)
            var rows = 0
            for (feature, row) in zip(sheet, csv) {
                rows += 1
                for (i, name) in names.enumerated() {
                    let cell = row[name] ?? ""
                    switch feature.value(at: i) {
                    case .null: #expect(cell.isEmpty, "\(file) \(name)")
                    case let .real(v): #expect(Double(cell) == v, "\(file) \(name)")
                    case let .integer(v): #expect(Double(cell) == Double(v), "\(file) \(name)")
                    case let .text(t): #expect(t == cell, "\(file) \(name)")
                    }
                }
            }
            #expect(rows == csv.count && rows > 0, "\(file)")
        }
    }

    @Test func theAnalyseAndInfoStagesReadAStoreFile() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = (folder as NSString).appendingPathComponent("store.sqlite")
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        _ = try IngestAreasStage.run(options, db: db)
        _ = try IngestHistoryStage.run(.requests, path: Fixtures.sample("sample_requests.csv"), config: HulpatlasConfig(), db: db)
        #expect(try InfoStage.lines(db: db).first?.hasPrefix("pc4 2020: 67 areas") == true)
        let out = (folder as NSString).appendingPathComponent("out")
        let summary = try AnalyseStage.run(db: db, config: HulpatlasConfig(), folder: out)
        for file in summary.analysis.files {
            #expect(FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent(file)), "\(file)")
        }
        #expect(summary.description.contains("Analysed \(summary.analysis.requests) requests"))
        // `analyse` writes the tables protected together, as `run` does: the folder passes the interval audit.
        #expect(summary.analysis.protection != nil && summary.description.contains("protected together"))
        #expect(try AuditStage.intervalAudit(folder: out, suppression: Suppression(threshold: 5)).findings.isEmpty)
        // A read-only stage never creates a store.
        #expect(throws: (any Error).self) { try InfoStage.lines(db: (folder as NSString).appendingPathComponent("missing.sqlite")) }
    }

    /// The audit stage finds a small count planted in a folder (the negative control), and
    /// passes the folder without it.
    @Test func theAuditStageFindsAPlantedSmallCount() throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "location,period,category,requests,suppressed\nDordrecht,2023-Q4,sociaal,12,0\n"
            .write(toFile: (folder as NSString).appendingPathComponent("supply_demand.csv"), atomically: true, encoding: .utf8)
        let clean = try AuditStage.run(folder: folder, threshold: nil, requests: nil, helpers: nil, db: nil, config: HulpatlasConfig())
        #expect(clean.findings.isEmpty && clean.files == 1 && clean.threshold == 5)
        try "location,period,category,requests,suppressed\nDordrecht,2023-Q4,sociaal,3,0\n"
            .write(toFile: (folder as NSString).appendingPathComponent("supply_demand.csv"), atomically: true, encoding: .utf8)
        let planted = try AuditStage.run(folder: folder, threshold: nil, requests: nil, helpers: nil, db: nil, config: HulpatlasConfig())
        #expect(planted.findings.count == 1 && planted.findings[0].contains("supply_demand.csv"))
    }
}
