import Atlas

/// High-risk areas on the map with fewer help requests than the median area.
extension QuarterPage {
    func reachSection() -> Section {
        let scores = { (code: String) in data.scores[code] ?? [:] }
        let under = scope.mapAreas.filter { a in scores(a.code).values.contains { $0.underReached == true } }
            .sorted { a, b in
                let pa = scores(a.code).values.compactMap(\.percentile).max() ?? 0
                let pb = scores(b.code).values.compactMap(\.percentile).max() ?? 0
                return (pa, b.code) > (pb, a.code)
            }
        let body: [HTML] = under.prefix(15).map { a in
            let r = data.reach[a.code]
            let hidden = r.map { data.suppression.hides($0.requests) } ?? false
            let rate = hidden ? "" : Format.fixed(r?.perThousandHouseholds, decimals: 2)
            let percentiles = IndexName.allCases.map { scores(a.code)[$0.rawValue]?.percentile }
            return "<tr><th>\(a.code)</th><td>\(a.municipality ?? "")</td>"
                + percentiles.map { "<td>\($0.map { String(Int($0.rounded())) } ?? "–")</td>" as HTML }.joined()
                + "<td>\(figures.decimal("reach", a.code, "requests_per_1000_households", csv: rate, suppressed: hidden, decimals: 1))</td></tr>"
        }
        var keyPoints: [HTML] = []
        if !under.isEmpty {
            keyPoints.append("\(under.count) \(t("gebieden met hoog risico worden weinig bereikt (minder hulpvragen per 1.000 huishoudens dan de mediaan).", "high-risk areas are under-reached (fewer help requests per 1,000 households than the median)."))")
        }
        return Section(html: """
            <section id="reach"><h2>\(t("Bereik: gebieden met hoog risico en weinig hulpvragen", "Reach: high-risk areas with few help requests"))</h2>
            <p>\(t("Onderbereikt: in het hoogste kwintiel van een index (percentiel ≥ 80) en minder hulpvragen per 1.000 huishoudens dan de mediaan van alle gebieden, over de hele opgeslagen geschiedenis.", "Under-reached: in the top quintile of an index (percentile ≥ 80) and fewer help requests per 1,000 households than the median area, over the whole stored history."))</p>
            \(under.isEmpty ? HTML(stringLiteral: "<p>" + t("Geen onderbereikte gebieden op deze kaart.", "No under-reached areas on this map.") + "</p>")
                : "<table><thead><tr><th>\(t("gebied", "area"))</th><th>\(t("gemeente", "municipality"))</th><th>\(t("schulden (pct.)", "debt (pct.)"))</th><th>\(t("eenzaamheid (pct.)", "loneliness (pct.)"))</th><th>\(t("hulpvragen per 1.000 huishoudens", "help requests per 1,000 households"))</th></tr></thead><tbody>\(body)</tbody></table>")
            </section>

            """, keyPoints: keyPoints)
    }
}
