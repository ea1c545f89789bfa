import Atlas

/// The next four quarters' expected help requests of the page's location per category
/// (forecast.csv) with the backtest beside them, and the volunteers that demand needs
/// (volunteers_needed.csv). Only on the report of the history's last quarter: the forecast
/// starts where the history ends.
extension QuarterPage {
    func forecastSection() -> Section {
        let rows = tables.forecast(report.location)
        guard let first = rows.first.flatMap({ Quarter(label: $0[.quarter]) }), first == report.quarter.advanced(by: 1) else {
            return Section(html: "")
        }
        var quarters: [String] = []
        for r in rows where !quarters.contains(r[.quarter]) { quarters.append(r[.quarter]) }
        let needs = tables.volunteersNeeded(report.location)
        var body: [HTML] = [], notShown: [HTML] = [], notBetter: [String] = [], more: [String] = []
        for category in Category.allCases {
            let own = rows.filter { $0[.category] == category.rawValue }
            guard let head = own.first else { continue }
            guard head[.withheld_because].isEmpty else {
                notShown.append("<li>\(text.category(category)): \(ForecastPage.reason(head[.withheld_because], nl: text.nl))</li>")
                continue
            }
            let c = category.rawValue
            let cells: [HTML] = own.map { r in
                let group = "\(c)|\(r[.quarter])"
                return "<td>\(figures.decimal("forecast", group, "expected", csv: r[.expected], suppressed: false, decimals: 0)) "
                    + "<small>(\(figures.decimal("forecast", group, "low", csv: r[.low], suppressed: false, decimals: 0))–"
                    + "\(figures.decimal("forecast", group, "high", csv: r[.high], suppressed: false, decimals: 0)))</small></td>"
            }
            let backtestGroup = "\(c)|\(head[.quarter])"
            let backtest: HTML = "<td>\(figures.decimal("forecast", backtestGroup, "mase_model", csv: head[.mase_model], suppressed: false, decimals: 2))"
                + " / \(figures.decimal("forecast", backtestGroup, "mase_seasonal_naive", csv: head[.mase_seasonal_naive], suppressed: false, decimals: 2))</td>"
            if head[.beats_seasonal_naive] == "0" { notBetter.append(text.category(category)) }
            let need = needs.first { $0[.category] == c }
            func needCell(_ column: ForecastTables.NeedColumn) -> HTML {
                "<td>\(figures.count("volunteers_needed", c, column.rawValue, csv: need?[column] ?? "", suppressed: false))</td>"
            }
            if let gap = need.flatMap({ Int($0[.gap]) }), gap > 0 { more.append("\(text.category(category)) +\(text.count(gap))") }
            body.append("<tr><th>\(text.category(category))</th>\(cells)\(backtest)\(needCell(.volunteers_needed))"
                        + "\(needCell(.active_volunteers))\(needCell(.gap))</tr>")
        }
        let head: [HTML] = quarters.compactMap(Quarter.init(label:)).map { "<th>\(text.quarter($0))</th>" }
        let table: HTML = body.isEmpty ? "" : """
            <table><thead><tr><th></th>\(head)<th>\(t(.backtestError))</th><th>\(t(.volunteersNeeded))</th>\
            <th>\(t(.activeNow))</th><th>\(t(.moreNeeded))</th></tr></thead><tbody>\(body)</tbody></table>
            """
        let warning: HTML = notBetter.isEmpty ? "" : "<p class=\"warning\">\(t(.modelNotBetterFor)) \(notBetter.joined(separator: ", ")).</p>"
        let withheld: HTML = notShown.isEmpty ? "" : "<p class=\"note\">\(t(.forecastNotShown)):</p><ul class=\"note\">\(notShown)</ul>"
        let keyPoints: [HTML] = more.isEmpty ? [] : ["\(t(.moreVolunteersNeeded(more.joined(separator: ", "))))"]
        return Section(html: """
            <section id="forecast"><h2>\(t(.outlookTitle))</h2>
            <p>\(t(.outlookIntro))</p>
            \(warning)\(table)\(withheld)
            <p class="note">\(t(.forecastDetails))<a href="\(ForecastPage.file)">\(ForecastPage.file)</a></p>
            </section>

            """, keyPoints: keyPoints)
    }
}
