import Atlas

/// Supply and demand per category in the quarter (supply_demand.csv), with a warning where volunteers are few.
extension QuarterPage {
    func supplySection() -> Section {
        var rows: [HTML] = []
        var warnings: [HTML] = []
        var keyPoints: [HTML] = []
        for category in Category.allCases {
            guard let r = tables.supply(report.location, report.quarter, category) else { continue }
            let group = "\(report.quarter.label)|\(category.rawValue)"
            let ratio = Double(r[.helpers_per_request])
            let low = ratio.map { $0 < data.lowHelpersPerRequest } ?? false
            rows.append("""
                <tr\(HTML(trusted: low ? " class=\"warn\"" : ""))><th>\(text.category(category))</th>\
                <td>\(figure("supply_demand", group, r, .requests, .count))</td>\
                <td>\(figure("supply_demand", group, r, .active_helpers, .count))</td>\
                <td>\(figure("supply_demand", group, r, .helpers_per_request, .decimal(2)))</td>\
                <td>\(figure("supply_demand", group, r, .match_rate, .share))</td>\
                <td>\(figure("supply_demand", group, r, .median_days_to_match, .decimal(1)))</td></tr>
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
