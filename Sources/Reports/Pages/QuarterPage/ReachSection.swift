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
            keyPoints.append("\(under.count) \(t(.highRiskAreasAreUnderReached))")
        }
        return Section(html: """
            <section id="reach"><h2>\(t(.reachHighRiskAreasWithFew))</h2>
            <p>\(t(.underReachedInTheTopQuintile))</p>
            \(under.isEmpty ? HTML(stringLiteral: "<p>" + t(.noUnderReachedAreasOnThis) + "</p>")
                : "<table><thead><tr><th>\(t(.area))</th><th>\(t(.municipality))</th><th>\(t(.debtPct))</th><th>\(t(.lonelinessPct))</th><th>\(t(.helpRequestsPer1000Households))</th></tr></thead><tbody>\(body)</tbody></table>")
            </section>

            """, keyPoints: keyPoints)
    }
}
