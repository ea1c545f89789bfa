import Atlas
import Foundation

/// index.html of a run folder: every report and every file, with what it holds.
public enum IndexPage {
    /// What each output file holds (English and Dutch), in the order shown.
    static let descriptions: [(file: String, phrase: Phrase)] = [
        ("locations.html", .locationsOverviewFile),
        ("targets.csv", .flyerTargetsChosenAreasFlyersExpected),
        ("delivery.html", .deliveryPageFile),
        ("delivery.csv", .deliveryTableFile),
        ("areas.csv", .everyAreaWithItsRiskIndices),
        ("atlas.gpkg", .geopackageForQGISLayersAreasAnd),
        ("supply_demand.csv", .supplyAndDemandPerLocationQuarter),
        ("distances.csv", .volunteerTravelDistancesPerGroup),
        ("distance_histogram.csv", .distributionOfTravelDistances500M),
        ("monthly.csv", .requestsPerLocationAndMonthWith),
        ("trend.csv", .trendLinePerLocation),
        ("breakdowns.csv", .sharesByKindCategoryRequesterOutcome),
        ("index_summary.csv", .indexSummaryStabilityClustering),
        ("index_components.csv", .indexComponentsPerArea),
        ("hulpatlas.xlsx", .everyTableAboveAsSheetsOf),
        ("columns.csv", .whatEveryColumnMeansUnitDescription),
        ("report_figures.csv", .everyNumberInTheReports),
        ("study.html", .studyPageFile),
        ("study_summary.csv", .studyTablesFile),
        ("study_outcomes.csv", .studyTablesFile),
        ("study_monthly.csv", .studyTablesFile),
        ("study_trend.csv", .studyTablesFile),
        ("study_breakdowns.csv", .studyTablesFile),
        ("church_overview.csv", .churchOverviewFile),
        ("forecast.html", .forecastPageFile),
        ("forecast.csv", .forecastTableFile),
        ("volunteers_needed.csv", .volunteersNeededFile),
        ("campaign.html", .campaignPageFile),
        ("campaign_effect.csv", .campaignTablesFile),
        ("campaign_series.csv", .campaignTablesFile),
        ("campaign_balance.csv", .campaignTablesFile),
        ("campaign_areas.csv", .campaignTablesFile),
        ("rejected.csv", .rejectedInputRowsWithTheReason),
    ]

    public static func write(folder: String, title: String, reports: [ReportWriter.Written], language: ReportLanguage) throws {
        let text = ReportText(lang: language, threshold: 5)
        func t(_ phrase: Phrase) -> String { text.t(phrase) }
        let quarters = Array(Set(reports.map(\.quarter))).sorted(by: >)
        let locations = Array(Set(reports.map(\.location))).sorted()
        let byKey = Dictionary(uniqueKeysWithValues: reports.map { ("\($0.location)|\($0.quarter)", $0.file) })
        let head: [HTML] = locations.map { "<th>\($0 == .all ? t(.allLocations2) : $0.label)</th>" }
        let rows: [HTML] = quarters.map { q in
            let cells: [HTML] = locations.map { loc in
                guard let file = byKey["\(loc)|\(q)"] else { return "<td>–</td>" }
                let pdf = PDFPrinter.pdfName(of: file)
                let printed: HTML = FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(pdf))
                    ? " · <a href=\"\(pdf)\">PDF</a>" : ""
                return "<td><a href=\"\(file)\">\(t(.report))</a>\(printed)</td>"
            }
            return "<tr><th>\(text.quarter(q))</th>\(cells)</tr>"
        }
        let manager = FileManager.default
        let files: [HTML] = descriptions.compactMap { entry in
            let path = (folder as NSString).appendingPathComponent(entry.file)
            guard let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
            let pdf = PDFPrinter.pdfName(of: entry.file)
            let printed: HTML = entry.file.hasSuffix(".html") && manager.fileExists(atPath: (folder as NSString).appendingPathComponent(pdf))
                ? " · <a href=\"\(pdf)\">PDF</a>" : ""
            return "<tr><th><a href=\"\(entry.file)\">\(entry.file)</a>\(printed)</th><td style=\"text-align:left\">\(t(entry.phrase))</td><td>\(text.decimal(Double(size) / 1024, decimals: 0)) kB</td></tr>"
        }
        let page = ReportStyle.document(language: language, title: title, kicker: "hulpatlas",
                                        subtitle: "\(t(.everyReportAndFileOfThis))", body: """
            <section><h2>\(t(.quarterlyReports))</h2>
            <table><thead><tr><th>\(t(.quarter))</th>\(head)</tr></thead><tbody>\(rows)</tbody></table></section>
            <section><h2>\(t(.files))</h2><table><tbody>\(files)</tbody></table>
            <p class="note">\(t(.doNotShareHulpatlasSqliteThe))</p></section>
            """)
        try ReportWriter.writeText(page.markup, to: (folder as NSString).appendingPathComponent("index.html"))
    }
}
