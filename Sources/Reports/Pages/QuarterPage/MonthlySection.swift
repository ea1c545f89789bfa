import Atlas

/// Requests per month up to the end of the quarter, with the least-squares trend.
extension QuarterPage {
    func monthlySection() -> Section {
        let upTo = scope.requests.filter { $0.createdAt <= bounds.last }
        guard !upTo.isEmpty else { return Section(html: "") }
        let series = MonthlySeries.compute(upTo, rule: data.rule)
        let protected = MonthlyTable.protected(series.rows, suppression: data.suppression)
        let rows = published(protected.rows, series.rows, as: MonthlyTable.Column.self)
        let inQuarter = Set(report.quarter.monthIndices)
        func total(_ r: PublishedRow<MonthlyTable.Column, MonthlySeries.Row>) -> HTML {
            figures.count("monthly", r[.month], "total", csv: r[.total], suppressed: r[.total].isEmpty, raw: r.source.total)
        }
        let bars = rows.map { r -> SVGCharts.Bar in
            _ = total(r)
            return SVGCharts.Bar(label: text.month(r[.month]), value: Double(r[.total]), highlighted: inQuarter.contains(r.source.monthIndex),
                                 hiddenText: hiddenText(r.source.total))
        }
        let chart = SVGCharts.bars(id: "monthly-chart", title: t(.requestsPerMonth), bars: bars,
                                   line: rows.map { Double($0[.trend_total]) }, labelEvery: max(1, bars.count / 12),
                                   yLabel: t(.requests))
        var note: HTML = ""
        if !protected.withheldTrends.isEmpty {
            note = "<p class=\"note\">\(t(.trendWithheld))</p>"
        } else if let fit = series.trends.first?.fit {
            let slope = fit.slope
            note = "<p>\(t(.trendLineLeastSquares)): \(slope >= 0 ? "+" : "")\(text.decimal(slope, decimals: 2)) \(t(.requestsMorePerMonth)).</p>"
        }
        let table: [HTML] = rows.suffix(12).map { r in "<tr><th>\(text.month(r[.month]))</th><td>\(total(r))</td></tr>" }
        return Section(html: """
            <section id="monthly"><h2>\(t(.requestsPerMonth))</h2>
            <p>\(t(.helpRequestsAndInformationQuestionsPer))</p>
            \(chart)\(note)
            <details><summary>\(t(.theLastTwelveMonthsInNumbers))</summary>
            <table><tbody>\(table)</tbody></table></details></section>

            """)
    }
}
