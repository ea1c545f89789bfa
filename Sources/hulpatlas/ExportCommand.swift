import ArgumentParser
import Pipeline

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
        let context = try selection.open(readOnly: true)
        for file in try ExportStage.write(format, context: context, config: try options.load(), folder: out) {
            print("  \(out)/\(file)")
        }
    }
}
