import Atlas

/// How far volunteers travel: the last four quarters' matched help requests.
extension QuarterPage {
    func distanceSection() -> Section {
        let from = report.quarter.advanced(by: -3).bounds.first
        let recent = scope.requests.filter { $0.createdAt >= from && $0.createdAt <= bounds.last }
        let result = DistanceAnalysis.compute(recent, locator: data.locator, rule: data.rule)
        let summaries = result.summaries.filter { $0.grouping == "all" || $0.grouping == "category" }
        let rows = published(DistancesTable.rows(summaries, suppression: data.suppression), summaries, as: DistancesTable.Column.self)
        let tableRows: [HTML] = rows.map { r in
            let group = r[.grouping] == "all" ? "all" : r[.group]
            let name = group == "all" ? t(.allMatches) : Category(rawValue: group).map(text.category) ?? group
            return """
                <tr><th>\(name)</th><td>\(figures.count("distance", group, "matches", csv: r[.matches], suppressed: r.isHidden(.matches, flag: .suppressed), raw: r.source.matches))</td>\
                <td>\(figures.metres("distance", group, "median_m", csv: r[.median_m], suppressed: r.isHidden(.median_m, flag: .suppressed)))</td>\
                <td>\(figures.share("distance", group, "share_within_3km", csv: r[.share_within_3km], suppressed: r.isHidden(.share_within_3km, flag: .suppressed)))</td></tr>
                """
        }
        let all = summaries.first { $0.grouping == "all" }
        let histogram = published(DistancesTable.histogramRows(all.map { [$0] } ?? [], suppression: data.suppression),
                                  all?.histogram ?? [], as: DistancesTable.HistogramColumn.self)
        let bars = histogram.enumerated().map { i, r -> SVGCharts.Bar in
            let from = Double(i) * DistanceAnalysis.binWidth / 1000
            return SVGCharts.Bar(label: i == DistanceAnalysis.binCount - 1 ? "≥10" : text.decimal(from, decimals: from == from.rounded() ? 0 : 1),
                                 value: Double(r[.matches]), hiddenText: hiddenText(r.source))
        }
        let chart = SVGCharts.bars(id: "distance-histogram", title: t(.distanceBetweenRequesterAndVolunteer),
                                   bars: bars, labelEvery: 2, yLabel: t(.matches),
                                   marker: (x: 6, label: "3 km"))
        var keyPoints: [HTML] = []
        if let share = all?.within3km, let all, data.suppression.allowsStatistic(over: all.matches) {
            let met = share >= 0.75
            keyPoints.append("\(text.percent(share)) \(t(.ofMatchesWithin3KmGoal)): \(met ? t(.goalMet) : t(.goalNotMet)).")
        }
        return Section(html: """
            <section id="distance"><h2>\(t(.howFarDoVolunteersTravel))</h2>
            <p>\(t(.straightLineDistanceBetweenThePostcode)) \
            \(text.quarter(report.quarter.advanced(by: -3))) \(t(.to)) \(text.quarter(report.quarter)). \
            \(t(.goal75Within3Km))</p>
            \(chart)
            <p class="axis-note">\(t(.kilometres500MBins))</p>
            <table><thead><tr><th></th><th>\(t(.matches))</th><th>\(t(.median))</th><th>\(t(.within3Km))</th></tr></thead>
            <tbody>\(tableRows)</tbody></table></section>

            """, keyPoints: keyPoints)
    }
}
