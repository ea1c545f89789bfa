import Atlas
import Config
import Foundation
import Reports
import Store

/// `hulpatlas run`: every stage in order over one `RunContext`, writing every output into one
/// folder. The inputs are read once; the shapes, neighbours, locator and analyses are computed
/// when first needed and then shared by the later stages.
public enum RunStage {
    public struct Request: Sendable {
        public var areas: AreaIngestOptions
        /// PC6 areas for the delivery lists of a PC4 plan: read and checked, not stored.
        public var deliveryAreas: String?
        public var requests: String?
        public var helpers: String?
        public var out: String
        public var db: String
        public var config: HulpatlasConfig
        public var target: TargetSettings
        public var report: ReportSettings
        public var allowEmptyIndex: Bool
        /// The run's title on index.html.
        public var title: String

        public init(areas: AreaIngestOptions, requests: String?, helpers: String?, out: String, db: String,
                    config: HulpatlasConfig, target: TargetSettings, report: ReportSettings, allowEmptyIndex: Bool,
                    title: String) {
            self.areas = areas
            self.requests = requests
            self.helpers = helpers
            self.out = out
            self.db = db
            self.config = config
            self.target = target
            self.report = report
            self.allowEmptyIndex = allowEmptyIndex
            self.title = title
        }
    }

    public struct Summary: Sendable {
        /// The reports written (file, location, quarter).
        public var reports: [ReportWriter.Written]
        /// Every other output file, in the order written.
        public var files: [String]
        /// Wall time per stage, in the order run (`make bench` compares them with the commands run alone).
        public var timings: [(stage: String, seconds: Double)]
    }

    /// Input files that writing into `out` would overwrite.
    public static func inputsOverwritten(by out: String, inputs: [String]) -> [String] {
        OutputNames.inputsOverwritten(by: out, inputs: inputs)
    }

    /// Runs every stage; `emit` receives each stage's summary as soon as the stage is done.
    public static func run(_ request: Request, emit: (String) -> Void) throws -> Summary {
        let (config, out) = (request.config, request.out)
        var clock = StageClock()
        try ReportStage.checkPDFEngine(request.report)
        try createOutputFolder(out)
        let store = try AtlasStore(path: request.db)

        let areas = try IngestAreasStage.run(request.areas, store: store, storeLabel: request.db)
        emit(areas.description)
        var rejects = try store.rejects(runID: areas.areas.runID)
        var deliveryAreas: [AreaRecord]?
        if let path = request.deliveryAreas {
            let read = try DeliveryStage.readAreas(path)
            emit("\n" + read.summary)
            deliveryAreas = read.areas
            rejects += read.rejects
            clock.lap("read delivery areas")
        }
        clock.lap("ingest areas")
        for (file, path) in [(IngestHistoryStage.File.requests, request.requests), (.helpers, request.helpers)] {
            guard let path else { continue }
            let records = try IngestHistoryStage.run(file, path: path, config: config, store: store, storeLabel: request.db)
            emit("\n" + records.description)
            rejects += records.records.rejects
            clock.lap("ingest \(file.rawValue)")
        }

        let context = try RunContext(store: store, set: try store.resolveAreaSet(level: areas.areas.level, year: areas.areas.year))
        clock.lap("load")
        emit("\n" + (try IndexStage.run(context, definitions: config.indexDefinitions(), settings: config.indexSettings,
                                        allowEmpty: request.allowEmptyIndex)))
        clock.lap("index")
        let plan = try TargetStage.run(context, settings: request.target, models: try config.atRiskModels())
        emit("\n" + TargetStage.summary(plan))
        let delivery = try DeliveryStage.write(plan, context: context, settings: request.target,
                                               language: request.report.language, pdf: request.report.pdf, folder: out,
                                               deliveryAreas: deliveryAreas)
        clock.lap("target")
        if let file = config.campaign.file {
            let read = try CampaignStage.read(csv: file, context: context, delivered: nil, name: nil, goal: plan.goal)
            emit("\n" + (try CampaignStage.store(read.campaigns, in: store, rows: read.rows, rejects: read.rejects)).description)
            rejects += read.rejects
            context.campaignsChanged()
            clock.lap("campaigns")
        }

        let suppression = Suppression(threshold: config.suppressionThreshold)
        if let analysis = try context.matchHistoryAnalysis(rule: config.outcome, suppression: suppression,
                                                       study: config.studyPeriod, campaign: config.campaign) {
            emit("\n" + StageSummaryText.analysis(analysis, threshold: config.suppressionThreshold))
        }
        clock.lap("analyse")
        let forecast = try context.forecastTables(config: config)
        if !forecast.isEmpty { clock.lap("forecast") }
        let exported = try ExportStage.tables(context, config: config)
        let tables = exported.tables + [RejectsTable.table(rejects)]
        for table in tables { try table.writeCSV(in: out) }
        clock.lap("export csv")
        try ExportStage.writeAtlas(context, config: config, to: (out as NSString).appendingPathComponent("atlas.gpkg"))
        clock.lap("export gpkg")
        try Workbook.write(tables, to: (out as NSString).appendingPathComponent("hulpatlas.xlsx"))
        clock.lap("export xlsx")

        var files = tables.map(\.file) + ["atlas.gpkg", "hulpatlas.xlsx"] + delivery
        var reports: [ReportWriter.Written] = []
        if !context.requests.isEmpty {
            let written = try ReportStage.run(context, config: config, settings: request.report, locations: nil, folder: out)
            reports = written.reports
            let pages = Set(reports.map(\.file))  // listed as "N reports" by the command
            files += written.files.filter { !pages.contains($0) }
            clock.lap("report")
        }
        if let period = config.studyPeriod, let analysis = exported.analysis {
            let study = try StudyStage.write(analysis.tables, period: period, threshold: config.suppressionThreshold,
                                             language: request.report.language, folder: out)
            emit("\n" + study.description)
            files += study.files.filter { !files.contains($0) }
            if request.report.pdf {
                files += try PDFPrinter.print(pages: study.files.filter { $0.hasSuffix(".html") }, in: out)
            }
            clock.lap("study")
        }
        // The campaign page is among the report's pages; here its summary.
        let lines = CampaignStage.summaryLines(exported.analysis?.tables ?? [])
        if !lines.isEmpty { emit("\n" + lines.joined(separator: "\n")) }
        try IndexPage.write(folder: out, title: "hulpatlas: \(request.title)", reports: reports, language: request.report.language)
        // Every output written: the analysis is kept for later commands on this store.
        try context.keepAnalysis()
        return Summary(reports: reports, files: files, timings: clock.laps)
    }
}

/// Wall time between laps.
struct StageClock {
    private var last = Date()
    private(set) var laps: [(stage: String, seconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = Date()
        laps.append((stage, now.timeIntervalSince(last)))
        last = now
    }
}
