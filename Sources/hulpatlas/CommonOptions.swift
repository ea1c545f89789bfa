import ArgumentParser
import Foundation
import Atlas
import Ingest
import Store

extension AreaLevel: ExpressibleByArgument {}

/// Options that say how to read an area file and its statistics tables.
struct AreaInputOptions: ParsableArguments {
    @Option(name: .customLong("stats"), help: "A statistics table (CSV or any GDAL source) joined on the postcode; repeatable.")
    var statistics: [String] = []

    @Option(help: "The postcode column of the area file (default: found by name: postcode, PC4, PC4CODE, pc6, …).")
    var key: String?

    @Option(name: .customLong("stats-key"), help: "The postcode column of the statistics tables (default: found by name).")
    var statisticsKey: String?

    @Option(help: "pc4 or pc6 (default: from the first postcode).")
    var level: AreaLevel?

    @Option(help: "The statistics year (default: the year in the file names, e.g. cbs_pc4_2020 → 2020).")
    var year: Int?

    @Option(help: "The layer to read from a multi-layer source (default: the first).")
    var layer: String?

    @Option(help: "The file's coordinate system, e.g. EPSG:28992 (for a file that declares none, or a wrong one).")
    var srs: String?

    func ingestOptions(boundaries: String) -> AreaIngestOptions {
        var o = AreaIngestOptions(boundaries: boundaries)
        o.statistics = statistics
        o.key = key
        o.statisticsKey = statisticsKey
        o.level = level
        o.year = year
        o.layer = layer
        o.sourceCRS = srs
        return o
    }
}

/// The store and the area set a command works on.
struct AreaSetSelection: ParsableArguments {
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "pc4 or pc6 (needed when the store holds several area sets).") var level: AreaLevel?
    @Option(help: "The statistics year (needed when the store holds several).") var year: Int?

    /// Opens the store and resolves the area set.
    func open() throws -> (store: AtlasStore, set: AreaSetInfo) {
        let store = try AtlasStore(path: db)
        return (store, try store.resolveAreaSet(level: level, year: year))
    }
}
