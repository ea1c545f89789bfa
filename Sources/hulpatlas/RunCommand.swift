import ArgumentParser
import Atlas
import Foundation
import Ingest
import Reports
import Store

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage and write all outputs into one folder.",
        discussion: "Example: hulpatlas run --areas Data/cbs_pc4_2020_drechtsteden.gpkg --out Reports/demo")

    @Option(help: "The area boundaries (GeoPackage, Shapefile, GeoJSON, …).")
    var areas: String

    @OptionGroup var input: AreaInputOptions

    @Option(help: "The match history (requests CSV).")
    var requests: String?

    @Option(help: "The volunteer register (helpers CSV).")
    var helpers: String?

    @OptionGroup var matchHistory: MatchHistoryOptions

    @Option(help: "The output folder.")
    var out: String

    @Option(help: "The SQLite store (default: OUT/hulpatlas.sqlite).")
    var db: String?

    func run() throws {
        try createOutputFolder(out)
        let dbPath = db ?? (out as NSString).appendingPathComponent("hulpatlas.sqlite")
        let store = try AtlasStore(path: dbPath)

        let config = try matchHistory.load()
        let summary = try AreaIngest.run(input.ingestOptions(boundaries: areas), store: store)
        print(IngestSummaryText.areas(summary, store: dbPath))
        var rejects = try store.rejects(runID: summary.runID)
        if let requests {
            let s = try RecordIngest.requests(path: requests, config: config, store: store)
            print("\n" + IngestSummaryText.records(s, store: dbPath))
            rejects += s.rejects
        }
        if let helpers {
            let s = try RecordIngest.helpers(path: helpers, config: config, store: store)
            print("\n" + IngestSummaryText.records(s, store: dbPath))
            rejects += s.rejects
        }

        let set = try store.resolveAreaSet(level: summary.level, year: summary.year)
        let areaRecords = try store.areas(level: set.level, year: set.year)
        let history = try store.requests()
        print("\n" + (try IndexStage.run(store: store, set: set, areas: areaRecords, requests: history,
                                         definitions: config.indexDefinitions(), settings: config.indexSettings)))
        let outputs = Outputs(folder: out)
        try AreasTable.write(areaRecords,
                             indices: try store.indexScores(level: set.level, year: set.year),
                             reach: try store.reach(level: set.level, year: set.year),
                             suppression: Suppression(threshold: config.suppressionThreshold), to: outputs.path("areas.csv"))
        try IndexSummaryTable.write(try store.indexMeasures(level: set.level, year: set.year),
                                    to: outputs.path("index_summary.csv"))
        try IndexComponentsTable.write(try store.indexComponents(level: set.level, year: set.year),
                                       to: outputs.path("index_components.csv"))
        try AtlasGeoPackage.write(store: store, set: set, areas: areaRecords, to: outputs.path("atlas.gpkg"))
        try RejectsTable.write(rejects, to: outputs.path("rejected.csv"))
        if requests != nil || helpers != nil {
            let written = try MatchHistoryReport.write(store: store, requests: history, folder: out, rule: config.outcome,
                                                       suppression: Suppression(threshold: config.suppressionThreshold))
            print("\n" + IngestSummaryText.analysis(written, threshold: config.suppressionThreshold))
            for file in written.files { _ = outputs.path(file) }
        }

        print("\nOutputs in \(out)/:")
        for file in outputs.written { print("  \(file)") }
    }
}

/// Output paths of one run, remembered in the order they were asked for.
final class Outputs {
    let folder: String
    private(set) var written: [String] = []
    init(folder: String) { self.folder = folder }
    func path(_ name: String) -> String {
        written.append(name)
        return (folder as NSString).appendingPathComponent(name)
    }
}
