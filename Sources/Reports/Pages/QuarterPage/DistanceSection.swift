import Atlas

/// How far volunteers travel: the quarter's matched help requests (distances_quarterly.csv and
/// its histogram).
extension QuarterPage {
    func distanceSection() -> Section {
        let rows = tables.distances(report.location, report.quarter).filter { $0[.category] == "all" || Category(rawValue: $0[.category]) != nil }
        let tableRows: [HTML] = rows.map { r in
            let group = r[.category]
            let name = group == "all" ? t(.allMatches) : Category(rawValue: group).map(text.category) ?? group
            return """
                <tr><th>\(name)</th><td>\(figure("distances", group, r, .matches, .count))</td>\
                <td>\(figure("distances", group, r, .median_m, .metres))</td>\
                <td>\(figure("distances", group, r, .share_within_3km, .share))</td></tr>
                """
        }
        let histogram = tables.histogram(report.location, report.quarter)
        let bars = histogram.enumerated().map { i, r -> SVGCharts.Bar in
            _ = figure("distance_histogram", r[.bin_from_m], r, .matches, .count)
            let from = Double(i) * DistanceAnalysis.binWidth / 1000
            // A bar's label is its lower bound, drawn at its left edge: the 3 km tick is at the 3 km line.
            return SVGCharts.Bar(label: text.decimal(from, decimals: from == from.rounded() ? 0 : 1), value: Double(r[.matches]))
        }
        let chart = SVGCharts.bars(id: "distance-histogram", title: t(.distanceBetweenRequesterAndVolunteer),
                                   bars: bars, labelEvery: 2, yLabel: t(.matches), marker: (x: 6, label: "3 km"),
                                   labelsAtEdges: true)
        var keyPoints: [HTML] = []
        if let share = rows.first(where: { $0[.category] == "all" }).flatMap({ Double($0[.share_within_3km]) }) {
            let met = share >= 0.75
            keyPoints.append("\(text.percent(share)) \(t(.ofMatchesWithin3KmGoal)): \(met ? t(.goalMet) : t(.goalNotMet)).")
        }
        return Section(html: """
            <section id="distance"><h2>\(t(.howFarDoVolunteersTravel))</h2>
            <p>\(t(.straightLineDistanceBetweenThePostcode)) \(text.quarter(report.quarter)). \(t(.goal75Within3Km))</p>
            \(rows.isEmpty ? "" : chart)
            <p class="axis-note">\(t(.kilometres500MBins))</p>
            <table><thead><tr><th></th><th>\(t(.matches))</th><th>\(t(.median))</th><th>\(t(.within3Km))</th></tr></thead>
            <tbody>\(tableRows)</tbody></table></section>

            """, keyPoints: keyPoints)
    }
}
