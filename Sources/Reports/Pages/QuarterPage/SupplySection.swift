import Atlas

/// Supply and demand per category in the quarter, with a warning where volunteers are few.
extension QuarterPage {
    func supplySection() -> Section {
        var rows: [HTML] = []
        var warnings: [HTML] = []
        var keyPoints: [HTML] = []
        for category in Category.allCases {
            guard let r = scope.supply[ReportScope.SupplyKey(quarter: report.quarter.label, category: category)] else { continue }
            let group = "\(report.quarter.label)|\(category.rawValue)"
            let ratio = Double(r[.helpers_per_request])
            let low = ratio.map { $0 < data.lowHelpersPerRequest } ?? false
            rows.append("""
                <tr\(HTML(trusted: low ? " class=\"warn\"" : ""))><th>\(text.category(category))</th>\
                <td>\(figures.count("supply_demand", group, "requests", csv: r[.requests], suppressed: r.isHidden(.requests, flag: .suppressed), raw: r.source.requests))</td>\
                <td>\(figures.count("supply_demand", group, "active_helpers", csv: r[.active_helpers], suppressed: r.isHidden(.active_helpers, flag: .suppressed), raw: r.source.activeHelpers))</td>\
                <td>\(figures.decimal("supply_demand", group, "helpers_per_request", csv: r[.helpers_per_request], suppressed: r.isHidden(.helpers_per_request, flag: .suppressed), decimals: 2))</td>\
                <td>\(figures.share("supply_demand", group, "match_rate", csv: r[.match_rate], suppressed: r.isHidden(.match_rate, flag: .suppressed)))</td>\
                <td>\(figures.decimal("supply_demand", group, "median_days_to_match", csv: r[.median_days_to_match], suppressed: r.isHidden(.median_days_to_match, flag: .suppressed), decimals: 1))</td></tr>
                """)
            var warning: HTML?
            if low, let ratio {
                warning = "\(t(.fewVolunteersFor)) \(text.category(category)): \(text.decimal(ratio, decimals: 2)) \(t(.activeVolunteersPerHelpRequestWarning)) \(text.decimal(data.lowHelpersPerRequest, decimals: 2)))."
            } else if r[.active_helpers] == "0", r[.requests] != "0" {
                warning = "\(t(.noActiveVolunteersFor)) \(text.category(category))."
            }
            if let warning {
                warnings.append("<p class=\"warning\">⚠ \(warning)</p>")
                keyPoints.append(warning)
            }
        }
        return Section(html: """
            <section id="supply"><h2>\(t(.supplyAndDemandPerCategory))</h2>
            <p>\(t(.activeVolunteersRegisteredForTheCategory))</p>
            \(warnings)
            <table><thead><tr><th></th><th>\(t(.helpRequests2))</th><th>\(t(.activeVolunteers))</th>\
            <th>\(t(.volunteersPerRequest))</th><th>\(t(.matchRate2))</th>\
            <th>\(t(.medianDaysToMatch))</th></tr></thead><tbody>\(rows)</tbody></table></section>

            """, keyPoints: keyPoints)
    }
}
