import ArgumentParser
import Config
import Pipeline

/// `hulpatlas study`: every figure of an impact study for one period.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "The figures of a study period: study.html, the church overviews and the study tables.",
        discussion: """
            Example: hulpatlas study --from 2021-02-15 --to 2023-06-15 --db atlas.sqlite --out Study
            The flags override the config's [study] section. The study is protected together with every
            match-history table of the same configuration: publish it beside the quarterly reports of a run
            with the same [study] section (or from that run itself), so that both show one pattern of hidden cells.
            """)

    @OptionGroup var options: MatchHistoryOptions
    @Option(help: "The first day of the period (YYYY-MM-DD).") var from: String?
    @Option(help: "The last day of the period (YYYY-MM-DD), included.") var to: String?
    @Option(help: "One location's name (default: all locations).") var location: String?
    @Option(name: .customLong("min-cases"), help: "Show a subcategory apart only with this many help requests (default 20).")
    var minCases: Int?
    @Option(help: "Report language: nl (default) or en.") var lang: ReportLanguage?
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "The output folder.") var out: String

    func validate() throws {
        for (flag, text) in [("--from", from), ("--to", to)] {
            if let text, StudySettings.date(text) == nil { throw ValidationError("\(flag) must be a date like 2021-02-15") }
        }
        if let minCases, minCases < 1 { throw ValidationError("--min-cases must be a whole number ≥ 1") }
    }

    /// The config's [study] with the flags applied; both dates are needed from one or the other.
    func settings(_ config: HulpatlasConfig) throws -> StudySettings {
        let from = self.from.flatMap(StudySettings.date) ?? config.study?.from
        let to = self.to.flatMap(StudySettings.date) ?? config.study?.to
        guard let from, let to else { throw ValidationError("give --from and --to (or a [study] section in the config)") }
        var settings = config.study ?? StudySettings(from: from, to: to)
        settings.from = from
        settings.to = to
        if let location { settings.location = location }
        if let minCases { settings.minCases = minCases }
        if let problem = settings.problems(name: { "--" + $0.replacingOccurrences(of: "_", with: "-") }).first {
            throw ValidationError(problem)
        }
        return settings
    }

    func run() throws {
        var config = try options.load()
        config.study = try settings(config)
        let summary = try StudyStage.run(db: db, config: config, language: lang ?? config.report.language, folder: out)
        print(summary)
    }
}
