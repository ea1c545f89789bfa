import ArgumentParser
import Pipeline

struct IngestAreasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "areas",
        abstract: "Store postcode areas (boundaries + statistics) for one level and year.",
        discussion: """
            Reads any GDAL vector source, reprojects to EPSG:28992, and replaces the stored \
            areas of that level and year in one transaction. CBS special values (≤ -99990) are \
            stored as missing with their code.
            Example: hulpatlas ingest areas cbs_pc4_2020.gpkg --db atlas.sqlite
            """)

    @Argument(help: "The area boundaries: GeoPackage, Shapefile, GeoJSON, …")
    var file: String

    @OptionGroup var input: AreaInputOptions

    @Option(help: "The SQLite store.")
    var db: String = "hulpatlas.sqlite"

    @Option(help: "Write the rejected rows to this CSV file.")
    var rejects: String?

    @Flag(help: "Read the files even when the stored set was made from the same files and options.")
    var reread = false

    func validate() throws {
        if let rejects, PathCheck.isOneOf(rejects, [file] + input.statistics) {
            throw ValidationError("--rejects \(rejects) is one of the input files; give another file")
        }
    }

    func run() throws {
        print(try IngestAreasStage.run(input.ingestOptions(boundaries: file), db: db, rejectsFile: rejects, reread: reread))
        if let rejects { print("rejects written to \(rejects)") }
    }
}
