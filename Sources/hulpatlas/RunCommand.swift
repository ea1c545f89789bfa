import ArgumentParser
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

    @Option(help: "The output folder.")
    var out: String

    @Option(help: "The SQLite store (default: OUT/hulpatlas.sqlite).")
    var db: String?

    func run() throws {
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let dbPath = db ?? (out as NSString).appendingPathComponent("hulpatlas.sqlite")
        let store = try AtlasStore(path: dbPath)

        let summary = try AreaIngest.run(input.ingestOptions(boundaries: areas), store: store)
        print(IngestSummaryText.areas(summary, store: dbPath))

        let set = try store.resolveAreaSet(level: summary.level, year: summary.year)
        let outputs = Outputs(folder: out)
        try AreasTable.write(try store.areas(level: set.level, year: set.year), to: outputs.path("areas.csv"))
        try AtlasGeoPackage.write(store: store, set: set, to: outputs.path("atlas.gpkg"))
        try RejectsTable.write(store.rejects(runID: summary.runID), to: outputs.path("rejected.csv"))

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
