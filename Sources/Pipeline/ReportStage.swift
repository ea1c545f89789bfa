import Atlas
import Config
import Foundation
import Reports
import Store

/// Builds the report data from the store and writes the reports, with the campaign and forecast
/// pages they link to.
public enum ReportStage {
    /// The reports of the context's history (shapes and locator from the context, loaded once).
    public static func run(_ context: RunContext, config: HulpatlasConfig, settings: ReportSettings, locations: [String]?,
                           folder: String) throws -> Output {
        try checkPDFEngine(settings)
        let (store, set, areas, requests, helpers) = (context.store, context.set, context.areas, context.requests, context.helpers)
        guard !requests.isEmpty else {
            throw StageFailure(description: "the store holds no match history: a quarterly report needs requests "
                                      + "(hulpatlas ingest requests FILE)")
        }
        let reports = try ReportWriter.plan(requests: requests, quarters: settings.quarters,
                                            locations: locations?.map(LocationScope.init))
        let (scores, reach) = try context.storedIndex()
        let suppression = Suppression(threshold: config.suppressionThreshold)
        let analysis = try context.matchHistoryAnalysis(rule: config.outcome, suppression: suppression,
                                                       study: config.studyPeriod, campaign: config.campaign)
        let forecast = try context.forecastTables(config: config)
        let data = ReportData(
            areas: areas, geometries: try context.geometries(), scores: scores, reach: reach,
            plan: try store.targetPlan(level: set.level, year: set.year), requests: requests, helpers: helpers,
            tables: MatchTables((analysis?.tables ?? []) + forecast), locator: try context.locator(), pc4Locator: try context.pc4Locator(),
            rule: config.outcome, suppression: suppression,
            language: settings.language, lowHelpersPerRequest: settings.lowHelpersPerRequest,
            areaSource: (set.source as NSString).lastPathComponent, areaYear: set.year)
        let written = try ReportWriter.write(reports, data: data, folder: folder)
        // The overview of all locations, with the all-locations pages (not for one location's own).
        let overview = reports.contains { $0.location == .all } ? try LocationsPage.write(data, reports: written, folder: folder) : nil
        // The pages the reports link to: the campaigns' estimates and the forecast, all locations.
        let campaign = try CampaignPage.write(tables: analysis?.tables ?? [], folder: folder, language: settings.language,
                                              threshold: config.suppressionThreshold)
        let outlook = try ForecastPage.write(tables: forecast, folder: folder, language: settings.language,
                                             threshold: config.suppressionThreshold)
        let pages = written.map(\.file) + (overview.map { [$0] } ?? []) + campaign + outlook
        let printed = settings.pdf ? try PDFPrinter.print(pages: pages, in: folder) : []
        return Output(reports: written, files: pages + printed + ["report_figures.csv"])
    }

    /// The quarterly reports written, and every file (pages, their PDFs, the overview, the
    /// campaign and forecast pages, the figures).
    public struct Output: Sendable {
        public var reports: [ReportWriter.Written]
        public var files: [String]
    }

    /// What to do when the PDF engine (headless Chromium) is missing; nil when it is there.
    public static var pdfEngineMissing: String? {
        PDFPrinter.chromium() == nil ? PDFPrinter.PrintError.chromiumMissing.description : nil
    }

    /// With `pdf`, the PDF engine must be there before any work starts.
    public static func checkPDFEngine(_ settings: ReportSettings) throws {
        if settings.pdf, let missing = pdfEngineMissing { throw StageFailure(description: missing) }
    }

    /// The PDF file of a page (beside it, same name).
    public static func pdfName(of page: String) -> String { PDFPrinter.pdfName(of: page) }
}
