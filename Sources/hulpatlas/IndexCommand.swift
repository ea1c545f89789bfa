import ArgumentParser
import Atlas
import Foundation
import Geo
import Ingest
import Pipeline
import Reports
import Store

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Compute the debt- and loneliness-risk indices of the stored areas.",
        discussion: "Example: hulpatlas index --db atlas.sqlite --level pc4 --year 2020 (see docs/METHOD.md)")

    @OptionGroup var selection: AreaSetSelection
    @Option(name: .customLong("min-population"), help: "Areas with fewer inhabitants are not ranked (default 50).")
    var minimumPopulation: Double?
    @OptionGroup var options: MatchHistoryOptions
    @Flag(name: .customLong("allow-empty"), help: "Store an index that ranks no area (otherwise an error that says why).")
    var allowEmpty = false

    func validate() throws {
        if let m = minimumPopulation, !m.isFinite || m < 0 { throw ValidationError("--min-population must be a finite number ≥ 0") }
    }

    func run() throws {
        let (store, set) = try selection.open()
        let config = try options.load()
        var settings = config.indexSettings
        if let minimumPopulation { settings.minimumPopulation = minimumPopulation }
        let areas = try store.areas(level: set.level, year: set.year)
        // Only the reach is needed from the match history: the requests are freed before the
        // indices are computed (1,000,000 requests take about 500 MB).
        let reach = try IndexStage.reach(try store.requests(), areas: areas, store: store, set: set)
        print(try IndexStage.run(store: store, set: set, areas: areas, reach: reach,
                                 definitions: config.indexDefinitions(), settings: settings, allowEmpty: allowEmpty))
    }
}
