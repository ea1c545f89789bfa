import ArgumentParser
import Atlas
import Config
import Foundation
import Ingest
import Pipeline
import Reports
import Store

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Research export: tidy CSV tables with a column dictionary, one XLSX workbook, or the styled atlas GeoPackage.",
        discussion: "Example: hulpatlas export --db atlas.sqlite --format xlsx --out Reports/research")

    @OptionGroup var selection: AreaSetSelection
    @Option(help: "csv, xlsx or gpkg.") var format: ExportFormat
    @Option(help: "The output folder.") var out: String
    @OptionGroup var options: MatchHistoryOptions

    func run() throws {
        let (store, set) = try selection.open(readOnly: true)
        let config = try options.load()
        try createOutputFolder(out)
        for file in try ExportStage.write(format, context: try RunContext(store: store, set: set), config: config, folder: out) {
            print("  \(out)/\(file)")
        }
    }
}
