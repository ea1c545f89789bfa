import ArgumentParser
import Pipeline

extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Research export: tidy CSV tables with a column dictionary, one XLSX workbook, the styled atlas GeoPackage, or all of it into PostGIS.",
        discussion: """
            Examples:
              hulpatlas export --db atlas.sqlite --format xlsx --out Reports/research
              hulpatlas export --db atlas.sqlite --format postgis --to "PG:dbname=gis host=localhost user=analist" --schema hulpatlas
            """)

    @OptionGroup var selection: AreaSetSelection
    @Option(help: "csv, xlsx, gpkg or postgis.") var format: ExportFormat
    @Option(help: "The output folder (csv, xlsx, gpkg).") var out: String?
    @Option(help: "postgis: the GDAL connection string of the database, \"PG:dbname=… host=… user=…\".") var to: String?
    @Option(help: "postgis: the schema to write (replaced whole; created when missing).") var schema = "hulpatlas"
    @OptionGroup var options: MatchHistoryOptions

    func validate() throws {
        if format == .postgis {
            guard let to, to.hasPrefix("PG:") else {
                throw ValidationError("--format postgis needs --to \"PG:dbname=… host=… user=…\" (a GDAL PostgreSQL connection string)")
            }
        } else if out == nil {
            throw ValidationError("--format \(format.rawValue) needs --out FOLDER")
        }
    }

    func run() throws {
        let context = try selection.open(readOnly: true)
        let target = format == .postgis ? to ?? "" : out ?? ""
        let written = try ExportStage.write(format, context: context, config: try options.load(), folder: target, schema: schema)
        for file in written { print(format == .postgis ? "  \(file)" : "  \(target)/\(file)") }
    }
}
