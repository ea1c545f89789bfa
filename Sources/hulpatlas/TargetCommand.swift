import ArgumentParser
import Config
import Pipeline

extension TargetGoal: ExpressibleByArgument {}
extension Category: ExpressibleByArgument {}
extension ReportLanguage: ExpressibleByArgument {}

/// The flyer-campaign flags; each overrides the `[target]` section of the config.
struct TargetOptions: ParsableArguments {
    @Option(help: "Flyers to spend (one per household).") var budget: Int?
    @Option(name: .customLong("index"), help: "What to target: debt, loneliness or combined.") var goal: TargetGoal?
    @Option(name: .customLong("municipality"), help: "Catchment: this municipality (repeatable).") var municipalities: [String] = []
    @Option(help: "Catchment centre: a postcode or \"x,y\" in EPSG:28992 metres (with --radius-km).") var around: String?
    @Option(name: .customLong("radius-km"), help: "Catchment radius around --around.") var radiusKm: Double?
    @Option(name: .customLong("near-volunteers-km"), help: "Catchment: areas within this distance of an active volunteer.")
    var nearVolunteersKm: Double?
    @Option(name: .customLong("volunteer-km"), help: "A target needs an active volunteer this close (default 3).")
    var volunteerKm: Double?
    @Option(help: "Only volunteers of this category count: praktisch, sociaal or vervoer.") var category: Category?
    @Flag(inversion: .prefixedNo, help: "Count only at-risk households not yet asking for help (default: on).")
    var preferUnderReached: Bool?
    @Option(name: .customLong("contiguity-bonus"), help: "Prefer contiguous clusters: a neighbour of a chosen area counts this much more (e.g. 0.25).")
    var contiguityBonus: Double?
    @Flag(name: .customLong("allow-empty"),
          help: "Store a plan that chooses nothing although areas are eligible (otherwise an error that says why).")
    var allowEmpty = false
    @Option(name: .customLong("round-letterboxes"), help: "Letterboxes per delivery round, one volunteer's load (default 300).")
    var roundLetterboxes: Int?

    /// The flags' own values against the same rules as the config (`TargetSettings.problems`).
    func validate() throws {
        var given = TargetSettings()
        given.budget = budget ?? 0
        given.radiusKm = radiusKm
        given.around = around
        given.nearVolunteersKm = nearVolunteersKm
        given.volunteerKm = volunteerKm ?? given.volunteerKm
        given.contiguityBonus = contiguityBonus
        given.municipalities = municipalities
        given.roundLetterboxes = roundLetterboxes ?? given.roundLetterboxes
        if around == nil, radiusKm != nil { given.around = "" }  // --radius-km needs --around
        if around != nil, radiusKm == nil { given.radiusKm = 1 }  // --around may take the config's radius
        let flags = ["budget": "--budget", "radius_km": "--radius-km", "near_volunteers_km": "--near-volunteers-km",
                     "volunteer_km": "--volunteer-km", "contiguity_bonus": "--contiguity-bonus",
                     "municipalities": "--municipality", "around": "--around",
                     "round_letterboxes": "--round-letterboxes"]
        if let problem = given.problems(name: { flags[$0] ?? $0 }).first { throw ValidationError(problem) }
    }

    func apply(to settings: inout TargetSettings) {
        if let budget { settings.budget = budget }
        if let goal { settings.goal = goal }
        if !municipalities.isEmpty {
            settings.municipalities = municipalities
            settings.around = nil; settings.radiusKm = nil; settings.nearVolunteersKm = nil
        }
        if let around { settings.around = around; settings.municipalities = []; settings.nearVolunteersKm = nil }
        if let radiusKm { settings.radiusKm = radiusKm }
        if let nearVolunteersKm {
            settings.nearVolunteersKm = nearVolunteersKm
            settings.municipalities = []; settings.around = nil; settings.radiusKm = nil
        }
        if let volunteerKm { settings.volunteerKm = volunteerKm }
        if let category { settings.category = category }
        if let preferUnderReached { settings.preferUnderReached = preferUnderReached }
        if let contiguityBonus { settings.contiguityBonus = contiguityBonus }
        if allowEmpty { settings.allowEmpty = true }
        if let roundLetterboxes { settings.roundLetterboxes = roundLetterboxes }
    }
}

struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Choose areas for a flyer campaign within a budget; writes targets.csv, targets.gpkg and, with PC6 areas in the store, delivery lists.",
        discussion: """
            Maximises the expected households at risk reached (greedy by value per flyer, then fill), never choosing an \
            area without an active volunteer nearby. Example:
              hulpatlas target --db atlas.sqlite --budget 8000 --index debt --municipality Dordrecht --out Reports/flyers
            """)

    @OptionGroup var selection: AreaSetSelection
    @Option(help: "The output folder.") var out: String
    @OptionGroup var options: MatchHistoryOptions
    @OptionGroup var target: TargetOptions
    @Option(name: .customLong("delivery-areas"),
            help: "PC6 areas for the delivery lists, read but not stored (default: the store's PC6 areas, if any).")
    var deliveryAreas: String?

    func run() throws {
        let context = try selection.open()
        let config = try options.load()
        var settings = config.target
        target.apply(to: &settings)
        try ReportStage.checkPDFEngine(config.report)  // delivery.pdf, with [report] pdf
        // Read before the plan is stored, so that a bad file changes nothing.
        let pc6 = try deliveryAreas.map { path in
            let read = try DeliveryStage.readAreas(path)
            print(read.summary)
            for reject in read.rejects { print("  rejected: \(reject)") }
            return read.areas
        }
        let stored = try TargetStage.run(context, settings: settings, models: try config.atRiskModels())
        try TargetStage.writeOutputs(stored, context: context, config: config, folder: out)
        let delivery = try DeliveryStage.write(stored, context: context, settings: settings, language: config.report.language,
                                               pdf: config.report.pdf, folder: out, deliveryAreas: pc6)
        print(TargetStage.summary(stored))
        for file in ["targets.csv", "targets.gpkg"] + delivery { print("  \(out)/\(file)") }
    }
}
