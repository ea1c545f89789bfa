import ArgumentParser
import Foundation
import Pipeline

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

    @Option(name: .customLong("delivery-areas"), help: "PC6 areas (CBS Kerncijfers per postcode PC6) for the flyer delivery lists of a PC4 plan.")
    var deliveryAreas: String?

    @Option(help: "The match history (requests CSV).")
    var requests: String?

    @Option(help: "The volunteer register (helpers CSV).")
    var helpers: String?

    @OptionGroup var matchHistory: MatchHistoryOptions

    @Option(help: "The output folder (default: Reports/<name> from the config's [run] name).")
    var out: String?

    @Option(help: "The SQLite store (default: OUT/hulpatlas.sqlite).")
    var db: String?

    @Option(help: "Delivered flyer campaigns (CSV: code, delivered, flyers, campaign) to record and evaluate ([campaign] file).")
    var campaigns: String?

    @OptionGroup var target: TargetOptions
    @OptionGroup var report: ReportOptions

    @Option(help: "Write the wall time of every stage to this CSV file (stage,seconds); `make bench` reads it.")
    var timings: String?

    func run() throws {
        var config = try matchHistory.load()
        if let campaigns { config.campaign.file = campaigns }
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
        let deliveryAreas = deliveryAreas ?? config.run.deliveryAreas
        let inputs = [areas] + areaInput.statistics
            + [deliveryAreas, requests, helpers, matchHistory.config, config.campaign.file].compactMap { $0 }
        let overwritten = RunStage.inputsOverwritten(by: out, inputs: inputs)
        guard overwritten.isEmpty else {
            throw ValidationError("the output folder \(out) holds input files the run would overwrite: "
                                  + overwritten.joined(separator: ", ") + "; give another --out")
        }
        if let timings, PathCheck.isOneOf(timings, inputs) {
            throw ValidationError("--timings \(timings) is one of the input files; give another file")
        }
        var targetSettings = config.target
        target.apply(to: &targetSettings)
        var reportSettings = config.report
        report.apply(to: &reportSettings)
        var request = RunStage.Request(
            areas: areaInput.ingestOptions(boundaries: areas), requests: requests, helpers: helpers, out: out,
            db: db ?? config.run.db ?? (out as NSString).appendingPathComponent("hulpatlas.sqlite"), config: config,
            target: targetSettings, report: reportSettings, allowEmptyIndex: target.allowEmpty || config.target.allowEmpty,
            title: config.run.name ?? (out as NSString).lastPathComponent)
        request.deliveryAreas = deliveryAreas
        let summary = try RunStage.run(request) { print($0) }
        if let timings {
            let lines = ["stage,seconds"] + summary.timings.map { "\($0.stage),\(String(format: "%.3f", $0.seconds))" }
            try (lines.joined(separator: "\n") + "\n").write(toFile: timings, atomically: true, encoding: .utf8)
        }

        print("\nOutputs in \(out)/:")
        print("  index.html (start here)")
        let reports = summary.reports
        if !reports.isEmpty { print("  \(reports.count) reports: " + reports.prefix(3).map(\.file).joined(separator: ", ") + (reports.count > 3 ? ", …" : "")) }
        for file in Array(Set(summary.files)).sorted() { print("  \(file)") }
    }
}
