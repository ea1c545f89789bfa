import ArgumentParser
import Atlas
import Foundation
import Ingest
import Pipeline
import Reports
import Store

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run every stage and write all outputs, the reports and index.html into one folder.",
        discussion: """
            Inputs come from flags or from the [run] section of --config (flags win). Examples:
              hulpatlas run --config Data/demo.toml
              hulpatlas run --areas Data/cbs_pc4_2020_drechtsteden.gpkg --requests Data/sample_requests.csv --out Reports/demo
            """)

    @Option(help: "The area boundaries (GeoPackage, Shapefile, GeoJSON, …).")
    var areas: String?

    @OptionGroup var input: AreaInputOptions

    @Option(help: "The match history (requests CSV).")
    var requests: String?

    @Option(help: "The volunteer register (helpers CSV).")
    var helpers: String?

    @OptionGroup var matchHistory: MatchHistoryOptions

    @Option(help: "The output folder (default: Reports/<name> from the config's [run] name).")
    var out: String?

    @Option(help: "The SQLite store (default: OUT/hulpatlas.sqlite).")
    var db: String?

    @OptionGroup var target: TargetOptions
    @OptionGroup var report: ReportOptions

    func run() throws {
        let config = try matchHistory.load()
        guard let areas = areas ?? config.run.areas else {
            throw ValidationError("give the areas: --areas FILE, or areas = \"…\" in the [run] section of --config")
        }
        guard let out = out ?? config.run.out ?? config.run.name.map({ "Reports/\($0)" }) else {
            throw ValidationError("give the output folder: --out DIR, or out / name in the [run] section of --config")
        }
        let requests = requests ?? config.run.requests
        let helpers = helpers ?? config.run.helpers
        var areaInput = input
        if areaInput.statistics.isEmpty { areaInput.statistics = config.run.statistics }
        if config.run.boundariesOnly { areaInput.boundariesOnly = true }
        if areaInput.statisticsHeaderRow == nil { areaInput.statisticsHeaderRow = config.run.statisticsHeaderRow }
        let inputs = [areas] + areaInput.statistics + [requests, helpers, matchHistory.config].compactMap { $0 }
        let overwritten = OutputNames.inputsOverwritten(by: out, inputs: inputs)
        guard overwritten.isEmpty else {
            throw ValidationError("the output folder \(out) holds input files the run would overwrite: "
                                  + overwritten.joined(separator: ", ") + "; give another --out")
        }

        try createOutputFolder(out)
        let dbPath = db ?? config.run.db ?? (out as NSString).appendingPathComponent("hulpatlas.sqlite")
        let store = try AtlasStore(path: dbPath)

        let summary = try AreaIngest.run(areaInput.ingestOptions(boundaries: areas), store: store)
        print(IngestSummaryText.areas(summary, store: dbPath))
        var rejects = try store.rejects(runID: summary.runID)
        if let requests {
            let s = try RecordIngest.requests(path: requests, config: config, store: store)
            print("\n" + IngestSummaryText.records(s, store: dbPath))
            rejects += s.rejects
        }
        if let helpers {
            let s = try RecordIngest.helpers(path: helpers, config: config, store: store)
            print("\n" + IngestSummaryText.records(s, store: dbPath))
            rejects += s.rejects
        }

        let set = try store.resolveAreaSet(level: summary.level, year: summary.year)
        // Every stage reads from one context: the areas, history and register are loaded once,
        // the shapes, neighbours and locator when first needed.
        let context = try RunContext(store: store, set: set)
        let (areaRecords, history) = (context.areas, context.requests)
        print("\n" + (try IndexStage.run(context, definitions: config.indexDefinitions(), settings: config.indexSettings,
                                         allowEmpty: target.allowEmpty || config.target.allowEmpty)))

        var targetSettings = config.target
        target.apply(to: &targetSettings)
        let plan = try TargetStage.run(context, settings: targetSettings, models: try config.atRiskModels())
        print("\n" + TargetStage.summary(plan))

        let suppression = Suppression(threshold: config.suppressionThreshold)
        let outputs = Outputs(folder: out)
        let tables = try ExportStage.tables(context, config: config, folder: out)
        for file in tables.files { _ = outputs.path(file) }
        if let analysis = tables.analysis {
            print("\n" + IngestSummaryText.analysis(analysis, threshold: config.suppressionThreshold))
        }
        try RejectsTable.write(rejects, to: outputs.path("rejected.csv"))
        try AtlasGeoPackage.write(try StoredInputs.atlas(context, plan: plan), areas: areaRecords, suppression: suppression,
                                  to: outputs.path("atlas.gpkg"))
        let sheets = outputs.written.filter { $0.hasSuffix(".csv") }
        try Workbook.write(sheets: sheets.map { (($0 as NSString).deletingPathExtension, outputs.path($0)) },
                           to: outputs.path("hulpatlas.xlsx"))

        var reportSettings = config.report
        report.apply(to: &reportSettings)
        var reports: [ReportWriter.Written] = []
        if !history.isEmpty {
            reports = try ReportStage.run(context, config: config, settings: reportSettings, locations: nil, folder: out)
            _ = outputs.path("report_figures.csv")
        }
        let title = config.run.name ?? (out as NSString).lastPathComponent
        try IndexPage.write(folder: out, title: "hulpatlas: \(title)", reports: reports, language: reportSettings.language)

        print("\nOutputs in \(out)/:")
        print("  index.html (start here)")
        if !reports.isEmpty { print("  \(reports.count) reports: " + reports.prefix(3).map(\.file).joined(separator: ", ") + (reports.count > 3 ? ", …" : "")) }
        for file in Array(Set(outputs.written)).sorted() { print("  \(file)") }
    }
}

/// Output paths of one run, remembered in the order they were asked for.
final class Outputs {
    let folder: String
    private(set) var written: [String] = []
    init(folder: String) { self.folder = folder }
    func path(_ name: String) -> String {
        if !written.contains(name) { written.append(name) }
        return (folder as NSString).appendingPathComponent(name)
    }
}
