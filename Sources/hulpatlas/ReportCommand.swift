import ArgumentParser
import Config
import Pipeline

/// The report flags; each overrides the `[report]` section of the config.
struct ReportOptions: ParsableArguments {
    @Option(help: "Report language: nl (default) or en.") var lang: ReportLanguage?
    @Option(name: .customLong("quarter"), help: "A quarter (2023-Q4), latest (default) or all; repeatable.")
    var quarters: [String] = []
    @Option(name: .customLong("low-helpers-per-request"), help: "Flag categories with fewer active volunteers per request (default 0.5).")
    var lowHelpersPerRequest: Double?
    @Flag(help: "Also write a PDF beside each page (A4, page numbers; needs headless Chromium).") var pdf = false

    /// The same rules as the config's `[report]` section, before any work starts.
    func validate() throws {
        do { _ = try ReportSettings.Quarters(words: quarters) } catch { throw ValidationError("--quarter \(error)") }
        if let v = lowHelpersPerRequest, !v.isFinite || v < 0 {
            throw ValidationError("--low-helpers-per-request must be a finite number ≥ 0")
        }
        // Checked before any work starts: printing is the last step.
        if pdf, let missing = ReportStage.pdfEngineMissing { throw ValidationError("--pdf: \(missing)") }
    }

    func apply(to settings: inout ReportSettings) {
        if let lang { settings.language = lang }
        if !quarters.isEmpty, let chosen = try? ReportSettings.Quarters(words: quarters) { settings.quarters = chosen }
        if let lowHelpersPerRequest { settings.lowHelpersPerRequest = lowHelpersPerRequest }
        if pdf { settings.pdf = true }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write self-contained quarterly reports (report.html and one per location) from the store.",
        discussion: "Example: hulpatlas report --db atlas.sqlite --quarter 2023-Q4 --out Reports/2023-Q4")

    @OptionGroup var selection: AreaSetSelection
    @Option(help: "The output folder.") var out: String
    @Option(name: .customLong("location"), help: "Only this location (repeatable; 'all' for all locations together).")
    var locations: [String] = []
    @OptionGroup var options: MatchHistoryOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let context = try selection.open(readOnly: true)
        let config = try options.load()
        var settings = config.report
        report.apply(to: &settings)
        let written = try ReportStage.run(context, config: config, settings: settings,
                                          locations: locations.isEmpty ? nil : locations, folder: out)
        for file in written.files { print("  \(out)/\(file)") }
    }
}
