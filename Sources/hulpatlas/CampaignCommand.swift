import ArgumentParser
import Config
import Pipeline

/// `hulpatlas campaign`: record delivered flyer campaigns and estimate what they brought.
struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign", abstract: "Record delivered flyer campaigns and estimate their effect on help requests.",
        subcommands: [CampaignAddCommand.self, CampaignListCommand.self, CampaignRemoveCommand.self, CampaignEffectCommand.self])
}

struct CampaignAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a delivered campaign: the stored flyer plan, or the areas of a CSV.",
        discussion: """
            Examples:
              hulpatlas campaign add --plan --delivered 2023-03-06 --db atlas.sqlite
              hulpatlas campaign add --csv campagnes.csv --db atlas.sqlite
            The CSV has a column of area codes (code, postcode, pc4, pc6) and optionally delivered (YYYY-MM-DD),
            flyers and campaign (a name); rows are grouped by campaign name. Missing flyers are the area's households.
            A campaign of the same name is replaced.
            """)

    @OptionGroup var selection: AreaSetSelection
    @Flag(help: "Record the stored flyer plan of the area set (from `hulpatlas target`).") var plan = false
    @Option(help: "A CSV of area codes (with delivery dates, flyers and campaign names), for campaigns planned elsewhere.")
    var csv: String?
    @Option(help: "The delivery date (YYYY-MM-DD): needed with --plan, the default for CSV rows without one.") var delivered: String?
    @Option(help: "The campaign's name (default: \"plan <date>\", or the CSV's campaign column, or its file name and date).")
    var name: String?
    @Option(name: .customLong("index"), help: "With --csv: the risk the campaign targeted (debt, loneliness or combined, default).")
    var goal: TargetGoal?

    func validate() throws {
        guard plan != (csv != nil) else { throw ValidationError("give either --plan or --csv FILE") }
        if let delivered, StudySettings.date(delivered) == nil { throw ValidationError("--delivered must be a date like 2023-03-06") }
        if plan, delivered == nil { throw ValidationError("--plan needs --delivered YYYY-MM-DD") }
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name is empty") }
    }

    func run() throws {
        let context = try selection.open()
        let day = delivered.flatMap(StudySettings.date)
        let added: CampaignStage.Added
        if plan, let day {
            added = try CampaignStage.store([try CampaignStage.fromPlan(context, delivered: day, name: name)], in: context.store)
        } else if let csv {
            let read = try CampaignStage.read(csv: csv, context: context, delivered: day, name: name, goal: goal)
            added = try CampaignStage.store(read.campaigns, in: context.store, rows: read.rows, rejects: read.rejects)
        } else {
            throw ValidationError("give either --plan or --csv FILE")
        }
        print(added)
    }
}

struct CampaignListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The recorded campaigns.")
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"

    func run() throws {
        let campaigns = try CampaignStage.list(db: db)
        print(campaigns.isEmpty ? "no campaigns recorded" : campaigns.map { c in
            "\(c.name)\t\(c.delivered)\t\(c.level.rawValue) \(c.year)\t\(c.flyers.count) areas\t\(c.flyers.values.reduce(0, +)) flyers\t\(c.source)"
        }.joined(separator: "\n"))
    }
}

struct CampaignRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a recorded campaign.")
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Argument(help: "The campaign's name.") var name: String

    func run() throws {
        try CampaignStage.remove(db: db, name: name)
        print("campaign '\(name)' removed")
    }
}

struct CampaignEffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect", abstract: "Estimate each recorded campaign's effect on help requests: campaign.html and its tables.",
        discussion: """
            Example: hulpatlas campaign effect --db atlas.sqlite --out Reports/campagne
            The flags override the config's [campaign] section. The tables are protected together with every other
            table of the same configuration (a run with the same config publishes the same pattern of hidden cells).
            """)

    @OptionGroup var options: MatchHistoryOptions
    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "The output folder.") var out: String
    @Option(help: "Report language: nl (default) or en.") var lang: ReportLanguage?
    @Option(name: .customLong("months-before"), help: "Months compared before the delivery month (default 12).") var monthsBefore: Int?
    @Option(name: .customLong("months-after"), help: "Months compared after the delivery month (default 6).") var monthsAfter: Int?
    @Option(name: .customLong("controls-per-area"), help: "Control areas matched to each targeted area (default 3).")
    var controlsPerArea: Int?
    @Option(name: .customLong("placebo-runs"), help: "Placebo re-assignments for the permutation p-value (default 199).")
    var placeboRuns: Int?

    func settings(_ base: CampaignSettings) throws -> CampaignSettings {
        var s = base
        if let monthsBefore { s.evaluation.monthsBefore = monthsBefore }
        if let monthsAfter { s.evaluation.monthsAfter = monthsAfter }
        if let controlsPerArea { s.evaluation.controlsPerArea = controlsPerArea }
        if let placeboRuns { s.evaluation.placeboRuns = placeboRuns }
        if let problem = s.problems(name: { "--" + $0.replacingOccurrences(of: "_", with: "-") }).first {
            throw ValidationError(problem)
        }
        return s
    }

    func validate() throws { _ = try settings(CampaignSettings()) }

    func run() throws {
        var config = try options.load()
        config.campaign = try settings(config.campaign)
        print(try CampaignStage.effect(db: db, config: config, language: lang ?? config.report.language, folder: out))
    }
}
