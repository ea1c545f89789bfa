import ArgumentParser
import Pipeline

extension AreaLevel: ExpressibleByArgument {}

/// Options that say how to read an area file and its statistics tables.
struct AreaInputOptions: ParsableArguments {
    @Option(name: .customLong("stats"), help: "A statistics table (CSV or any GDAL source) joined on the postcode; repeatable.")
    var statistics: [String] = []

    @Option(help: "The area code column of the area file (default: found by name: postcode, PC4, PC4CODE, pc6, buurtcode, wijkcode, …).")
    var key: String?

    @Option(name: .customLong("stats-key"), help: "The area code column of the statistics tables (default: found by name).")
    var statisticsKey: String?

    @Option(name: .customLong("stats-header-row"),
            help: "The header row (1 = first) of the statistics tables (default: found, skipping CBS's title rows).")
    var statisticsHeaderRow: Int?

    @Flag(name: .customLong("boundaries-only"),
          help: "Use only the shapes and codes of the area file, none of its statistics (they come from --stats).")
    var boundariesOnly = false

    @Flag(name: .customLong("allow-sparse-join"),
          help: "Store a statistics table that matches fewer than half of the areas (otherwise an error).")
    var allowSparseJoin = false

    @Option(help: "pc4, pc6, wijk or buurt (default: from the first code).")
    var level: AreaLevel?

    @Option(help: "The statistics year (default: the year in the file names, e.g. cbs_pc4_2020 → 2020).")
    var year: Int?

    @Option(help: "The layer to read from a multi-layer source (default: the first).")
    var layer: String?

    @Option(help: "The file's coordinate system, e.g. EPSG:28992 (for a file that declares none, or a wrong one).")
    var srs: String?

    func validate() throws {
        if let row = statisticsHeaderRow, row < 1 { throw ValidationError("--stats-header-row must be 1 or more") }
        if let year, !(1990...2100).contains(year) { throw ValidationError("--year must be a year from 1990 to 2100") }
    }

    func ingestOptions(boundaries: String) -> AreaIngestOptions {
        var o = AreaIngestOptions(boundaries: boundaries)
        o.statistics = statistics
        o.key = key
        o.statisticsKey = statisticsKey
        o.level = level
        o.year = year
        o.layer = layer
        o.sourceCRS = srs
        o.statisticsHeaderRow = statisticsHeaderRow
        o.boundariesOnly = boundariesOnly
        o.allowSparseJoin = allowSparseJoin
        return o
    }
}

/// The store and the area set a command works on.
struct AreaSetSelection: ParsableArguments {
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "pc4, pc6, wijk or buurt (needed when the store holds several area sets).") var level: AreaLevel?
    @Option(help: "The statistics year (needed when the store holds several).") var year: Int?

    /// Opens the store and loads the area set; `readOnly` for commands that only read it (a
    /// missing store is then an error, never a new empty file).
    func open(readOnly: Bool = false, columns: [String]? = nil) throws -> RunContext {
        try RunContext.open(db: db, level: level, year: year, readOnly: readOnly, columns: columns)
    }
}
