import Atlas

/// One quarterly report page: its sections in order, each with the key points it adds. Every
/// count, rate and share of the match history is a cell of the protected tables (`MatchTables`),
/// so the page shows nothing the audited CSV tables do not.
struct QuarterPage {
    let report: QuarterReport
    let scope: ReportScope
    let data: ReportData
    let text: ReportText
    let figures: ReportFigures
    let bounds: (first: Day, last: Day)

    /// A rendered section and the key points it adds to the top of the page.
    struct Section {
        var html: HTML
        var keyPoints: [HTML] = []
    }

    init(report: QuarterReport, scope: ReportScope, data: ReportData, text: ReportText, figures: ReportFigures) {
        self.report = report
        self.scope = scope
        self.data = data
        self.text = text
        self.figures = figures
        bounds = report.quarter.bounds
    }

    func t(_ phrase: Phrase) -> String { text.t(phrase) }
    var title: String {
        let name = report.location == .all ? t(.allLocations) : report.location.label
        return "\(name) — \(text.quarter(report.quarter))"
    }

    /// The protected match-history tables, the only source of the page's counts.
    var tables: MatchTables { data.tables }

    func page() -> HTML {
        let sections = [glanceSection(), mapSection(), distanceSection(), supplySection(), forecastSection(), monthlySection(),
                        breakdownSection(), reachSection(), targetSection(), campaignSection(), methodSection()]
        let keyPoints: [HTML] = sections.flatMap(\.keyPoints).map { "<li>\($0)</li>" }
        return ReportStyle.document(
            language: text.lang, title: title, kicker: "hulpatlas · \(t(.quarterlyReport))",
            subtitle: "\(t(.period)): \(bounds.first.description) – \(bounds.last.description). \(text.hiddenLegend)",
            body: """
                <section class="keypoints"><h2>\(t(.keyPoints))</h2><ul>\(keyPoints)</ul></section>
                \(sections.map(\.html))
                """)
    }
}
