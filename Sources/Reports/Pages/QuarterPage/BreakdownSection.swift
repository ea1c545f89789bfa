import Atlas

/// Who asks and who helps: the quarter's help requests by requester type and its matches by
/// organisation (breakdowns.csv, the quarter's period). The quarter's own counts, not the year
/// to date: two year-to-date figures of consecutive quarters would give the quarter between
/// them as a difference that no protection of either would see.
extension QuarterPage {
    func breakdownSection() -> Section {
        var tables: [HTML] = []
        for (dimension, heading) in [("requester_type", t(.whoAskedForHelp)),
                                     ("organisation", t(.whichOrganisationHelpedMatchedHelpRequests))] {
            let mine = self.tables.breakdown(report.location, period: report.quarter.label, dimension: dimension)
            guard !mine.isEmpty else { continue }
            let body: [HTML] = mine.map { r in
                let value = r[.value]
                let label = dimension == "requester_type" ? text.requesterType(value)
                    : (value == "unknown" ? t(.unknown) : value)
                let group = "\(dimension)|\(value)"
                let width = Double(r[.share]).map { Int(($0 * 100).rounded()) } ?? 0
                return "<tr><th>\(label)</th><td>\(figure("breakdowns", group, r, .count, .count))</td>"
                    + "<td>\(figure("breakdowns", group, r, .share, .share))</td>"
                    + "<td class=\"barcell\"><span class=\"hbar\" style=\"width:\(width)%\"></span></td></tr>"
            }
            tables.append("<div><h3>\(heading)</h3><table><tbody>\(body)</tbody></table></div>")
        }
        guard !tables.isEmpty else { return Section(html: "") }
        return Section(html: """
            <section id="breakdowns"><h2>\(t(.whoAsksAndWhoHelps)) (\(text.quarter(report.quarter)))</h2>
            <div class="two">\(tables)</div></section>

            """)
    }
}
