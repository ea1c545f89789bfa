import Atlas

/// The quarter at a glance: this quarter, the previous one and a year earlier, from
/// quarterly.csv and supply_demand.csv.
extension QuarterPage {
    func glanceSection() -> Section {
        let quarters = [report.quarter, report.quarter.advanced(by: -1), report.quarter.advanced(by: -4)]
        let heads: [HTML] = quarters.enumerated().map { i, q in
            let what = [t(.thisQuarter), t(.previousQuarter), t(.aYearEarlier)][i]
            return "<th>\(text.quarter(q))<br><small>\(what)</small></th>"
        }
        let measures: [(QuarterlyTable.Column, String, FigureKind)] = [
            (.help_requests, t(.helpRequests), .count), (.matched, t(.matched), .count),
            (.not_matched, t(.notMatched), .count), (.open, t(.stillOpen), .count),
            (.match_rate, t(.matchRate), .share), (.info_requests, t(.informationQuestions), .count),
        ]
        let body: [HTML] = measures.map { column, label, kind in
            let cells: [HTML] = quarters.map { q in
                "<td>\(figure("quarterly", q.label, tables.quarter(report.location, q), column, kind))</td>"
            }
            return "<tr><th>\(label)</th>\(cells)</tr>"
        }
        let categoryRows: [HTML] = Category.allCases.map { category in
            let cells: [HTML] = quarters.map { q in
                guard let r = tables.supply(report.location, q, category) else { return "<td>–</td>" }
                let group = "\(q.label)|\(category.rawValue)"
                return "<td>\(figure("supply_demand", group, r, .requests, .count)) "
                    + "<small>(\(figure("supply_demand", group, r, .match_rate, .share)))</small></td>"
            }
            return "<tr><th>\(text.category(category))</th>\(cells)</tr>"
        }

        var keyPoint: HTML
        if let now = tables.quarter(report.location, report.quarter) {
            keyPoint = "\(t(.thisQuarter2)): \(figure("quarterly", report.quarter.label, now, .help_requests, .count)) \(t(.helpRequests2))"
            if let rate = Double(now[.match_rate]) {
                keyPoint += ", \(text.percent(rate)) \(t(.matched2))"
                if let previous = tables.quarter(report.location, report.quarter.advanced(by: -1)).flatMap({ Double($0[.match_rate]) }) {
                    keyPoint += " (\(t(.previousQuarter)) \(text.percent(previous)))"
                }
            }
            keyPoint += "."
        } else {
            keyPoint = "\(t(.noRequestsInThisQuarter))"
        }

        return Section(html: """
            <section id="glance"><h2>\(t(.theQuarterAtAGlance))</h2>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(body)</tbody></table>
            <h3>\(t(.helpRequestsPerCategoryMatchRate))</h3>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(categoryRows)</tbody></table>
            <p class="note">\(t(.matchedMatchOrReferredNotMatched))</p>
            </section>

            """, keyPoints: [keyPoint])
    }
}
