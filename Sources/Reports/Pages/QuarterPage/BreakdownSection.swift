import Atlas

/// Who asks and who helps: the year's requests up to the end of the quarter.
extension QuarterPage {
    func breakdownSection() -> Section {
        let year = bounds.first.year
        let inYear = scope.requests.filter { $0.createdAt.year == year && $0.createdAt <= bounds.last }
        guard !inYear.isEmpty else { return Section(html: "") }
        let raw = Breakdowns.compute(inYear, rule: data.rule)
        let rows = published(BreakdownsTable.rows(raw, suppression: data.suppression), raw, as: BreakdownsTable.Column.self)
            .filter { $0[.location] == ReportScope.label && $0[.period] == String(year) }
        var tables: [HTML] = []
        for (dimension, heading) in [("requester_type", t(.whoAskedForHelp)),
                                     ("organisation", t(.whichOrganisationHelpedMatchedHelpRequests))] {
            let mine = rows.filter { $0[.dimension] == dimension }
            guard !mine.isEmpty else { continue }
            let body: [HTML] = mine.map { r in
                let value = r[.value]
                let label = dimension == "requester_type" ? text.requesterType(value)
                    : (value == "unknown" ? t(.unknown) : value)
                let group = "\(dimension)|\(value)"
                let width = Double(r[.share]).map { Int(($0 * 100).rounded()) } ?? 0
                return "<tr><th>\(label)</th><td>\(figures.count("breakdowns", group, "count", csv: r[.count], suppressed: r.isHidden(.count, flag: .suppressed), raw: r.source.count))</td>"
                    + "<td>\(figures.share("breakdowns", group, "share", csv: r[.share], suppressed: r.isHidden(.share, flag: .suppressed)))</td>"
                    + "<td class=\"barcell\"><span class=\"hbar\" style=\"width:\(width)%\"></span></td></tr>"
            }
            tables.append("<div><h3>\(heading)</h3><table><tbody>\(body)</tbody></table></div>")
        }
        return Section(html: """
            <section id="breakdowns"><h2>\(t(.whoAsksAndWhoHelps)) (\(String(year)), \(t(.upTo)) \(text.quarter(report.quarter)))</h2>
            <div class="two">\(tables)</div></section>

            """)
    }
}
