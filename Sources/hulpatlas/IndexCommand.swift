import ArgumentParser
import Pipeline

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
        let config = try options.load()
        let definitions = try config.indexDefinitions()
        // Only the areas' statistics the indices and the reach read (fewer cells to decode and
        // look up for the PC6 areas of the country; the peak memory is elsewhere).
        let context = try selection.open(columns: IndexStage.columns(definitions))
        var settings = config.indexSettings
        if let minimumPopulation { settings.minimumPopulation = minimumPopulation }
        // Only the reach is needed from the match history: it is freed before the indices are computed.
        print(try IndexStage.run(context, definitions: definitions,
                                 settings: settings, allowEmpty: allowEmpty, releaseHistory: true))
    }
}
