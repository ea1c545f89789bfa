import ArgumentParser
import Config
import Pipeline

/// Options shared by the match-history commands.
struct MatchHistoryOptions: ParsableArguments {
    @Option(help: "A TOML config with column and word mappings, the outcome rule and the suppression threshold.")
    var config: String?
    @Option(name: .customLong("loneliness-variant"),
            help: "The loneliness index's weighting: adults (default), 65_plus, or measured (RIVM's share as input; docs/METHOD.md §2).")
    var lonelinessVariant: String?
    @Option(name: .customLong("debt-variant"),
            help: "The debt index's weighting: default, or measured (RIVM's difficulty making ends meet as input).")
    var debtVariant: String?

    func validate() throws {
        for (index, given) in [(IndexName.loneliness, lonelinessVariant), (.debt, debtVariant)] {
            let known = HulpatlasConfig.variants(of: index)
            if let given, !known.contains(given) {
                throw ValidationError("--\(index.rawValue)-variant must be one of: " + known.joined(separator: ", "))
            }
        }
    }

    func load() throws -> HulpatlasConfig {
        var loaded = try config.map(HulpatlasConfig.load(path:)) ?? HulpatlasConfig()
        if let lonelinessVariant { loaded.indexVariants[.loneliness] = lonelinessVariant }
        if let debtVariant { loaded.indexVariants[.debt] = debtVariant }
        return loaded
    }
}

/// The arguments of `ingest requests` and `ingest helpers`.
struct RecordFileArguments: ParsableArguments {
    @Argument(help: "The CSV file (`,` `;` or tab; UTF-8).") var file: String
    @OptionGroup var options: MatchHistoryOptions
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "Write the rejected rows to this CSV file.") var rejects: String?
    @Flag(help: "Read the file even when the store's latest ingest read the same content (with the same mapping, today).")
    var reread = false

    func validate() throws {
        if let rejects, PathCheck.isOneOf(rejects, [file]) {
            throw ValidationError("--rejects \(rejects) is the input file itself; give another file")
        }
    }

    func run(_ kind: IngestHistoryStage.File) throws {
        print(try IngestHistoryStage.run(kind, path: file, config: try options.load(), db: db, rejectsFile: rejects,
                                         reread: reread))
    }
}

struct IngestRequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Store the match history (help requests and their outcome), upserting by request_id.",
        discussion: "Example: hulpatlas ingest requests Data/sample_requests.csv --db atlas.sqlite")

    @OptionGroup var arguments: RecordFileArguments

    func run() throws {
        try arguments.run(.requests)
    }
}

struct IngestHelpersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpers",
        abstract: "Store the volunteer register, upserting by helper_id.",
        discussion: "Example: hulpatlas ingest helpers Data/sample_helpers.csv --db atlas.sqlite")

    @OptionGroup var arguments: RecordFileArguments

    func run() throws {
        try arguments.run(.helpers)
    }
}

struct AnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: "Distances, supply/demand, monthly series and breakdowns from the stored match history.",
        discussion: "Example: hulpatlas analyse --db atlas.sqlite --out Reports/2023")

    @OptionGroup var options: MatchHistoryOptions
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "The output folder.") var out: String

    func run() throws {
        let summary = try AnalyseStage.run(db: db, config: try options.load(), folder: out)
        print(summary)
        for file in summary.analysis.files { print("  \(out)/\(file)") }
    }
}
