import Atlas

/// Requests per month up to the end of the quarter (monthly.csv), with the least-squares trend
/// of those months, drawn only where none of their totals is hidden (a fitted line is two more
/// sums of them).
extension QuarterPage {
    func monthlySection() -> Section {
        // Month labels ("2023-05") sort as the months do.
        let inQuarter = Set(report.quarter.monthIndices.map(Day.monthLabel))
        let last = inQuarter.max() ?? ""
        let rows = tables.months(report.location).filter { $0[.month] <= last }
        guard !rows.isEmpty else { return Section(html: "") }
        let bars = rows.map { r -> SVGCharts.Bar in
            _ = figure("monthly", r[.month], r, .total, .count)
            return SVGCharts.Bar(label: text.month(r[.month]), value: Double(r[.total]),
                                 highlighted: inQuarter.contains(r[.month]))
        }
        let totals = rows.compactMap { Double($0[.total]) }
        let fit = totals.count == rows.count ? Stats.linearFit(x: totals.indices.map(Double.init), y: totals) : nil
        let chart = SVGCharts.bars(id: "monthly-chart", title: t(.requestsPerMonth), bars: bars,
                                   line: fit.map { f in rows.indices.map { f.value(at: Double($0)) } },
                                   labelEvery: max(1, bars.count / 12), yLabel: t(.requests))
        var note: HTML = ""
        if totals.count < rows.count {
            note = "<p class=\"note\">\(t(.trendWithheld))</p>"
        } else if let fit {
            note = "<p>\(t(.trendLineLeastSquares)): \(fit.slope >= 0 ? "+" : "")\(text.decimal(fit.slope, decimals: 2)) \(t(.requestsMorePerMonth)).</p>"
        }
        let table: [HTML] = rows.suffix(12).map { r in
            "<tr><th>\(text.month(r[.month]))</th><td>\(figure("monthly", r[.month], r, .total, .count))</td></tr>"
        }
        return Section(html: """
            <section id="monthly"><h2>\(t(.requestsPerMonth))</h2>
            <p>\(t(.helpRequestsAndInformationQuestionsPer))</p>
            \(chart)\(note)
            <details><summary>\(t(.theLastTwelveMonthsInNumbers))</summary>
            <table><tbody>\(table)</tbody></table></details></section>

            """)
    }
}
