import Atlas

/// The flyer campaign: the chosen areas on this map, the expected reach, and where to recruit
/// volunteers first.
extension QuarterPage {
    func targetSection() -> Section {
        guard let stored = data.plan else { return Section(html: "") }
        let plan = stored.plan
        let onMap = Set(scope.mapAreas.map(\.code))
        let byCode = Dictionary(uniqueKeysWithValues: data.areas.map { ($0.code, $0) })
        let body: [HTML] = plan.targets.filter { onMap.contains($0.code) }.map { target in
            let s = data.scores[target.code] ?? [:]
            let percentiles = IndexName.allCases.map { s[$0.rawValue]?.percentile }
            return "<tr><td>\(target.rank)</td><th>\(target.code)</th><td>\(byCode[target.code]?.municipality ?? "")</td>"
                + "<td>\(figures.count("targets", target.code, "flyers", csv: String(target.flyers), suppressed: false, raw: target.flyers))</td>"
                + percentiles.map { "<td>\($0.map { String(Int($0.rounded())) } ?? "–")</td>" as HTML }.joined()
                + "<td>\(figures.decimal("targets", target.code, "expected_at_risk", csv: Format.fixed(target.expectedAtRisk.central, decimals: 1), suppressed: false, decimals: 0))"
                + " <small>(\(text.count(target.expectedAtRisk.low))–\(text.count(target.expectedAtRisk.high)))</small></td>"
                + "<td>\(target.nearestVolunteer < 1 ? t("in het gebied", "in the area") : text.distance(target.nearestVolunteer))</td></tr>"
        }
        var keyPoints: [HTML] = []
        var summary: HTML
        if let because = plan.nothingChosenBecause {
            let reason = text.nothingChosen(because)
            summary = "<p class=\"warning\">\(t("Geen gebieden gekozen", "No areas chosen")): \(reason).</p>"
            keyPoints.append("\(t("Flyercampagne: geen gebieden gekozen", "Flyer campaign: no areas chosen")) (\(reason)).")
        } else {
            let gain = plan.naiveExpectedAtRisk.central > 0 ? plan.expectedAtRisk.central / plan.naiveExpectedAtRisk.central - 1 : nil
            summary = """
                <p>\(t("Budget", "Budget")) \(text.count(plan.budget)) flyers; \(t("gekozen", "chosen")): \(plan.targets.count) \(t("gebieden", "areas")), \
                \(text.count(plan.flyers)) flyers. \(t("Verwacht bereik", "Expected reach")): \(text.count(plan.expectedAtRisk.central)) \
                \(t("huishoudens met risico", "households at risk")) (\(t("bandbreedte", "range")) \(text.count(plan.expectedAtRisk.low))–\(text.count(plan.expectedAtRisk.high)))\
                \(gain.map { g in HTML(stringLiteral: "; " + t("dat is \(text.percent(g)) meer dan ‘hoogste risico eerst’", "that is \(text.percent(g)) more than ‘highest risk first’")) } ?? ""). \
                \(t("Doel", "Goal")): \(text.goal(stored.goal).lowercased()); \(t("gebied", "catchment")): \(text.catchment(stored.catchment)).</p>
                """
            keyPoints.append("\(t("Flyercampagne", "Flyer campaign")): \(plan.targets.count) \(t("gebieden", "areas")), \(text.count(plan.flyers)) flyers, \(t("naar verwachting", "expected to reach")) \(text.count(plan.expectedAtRisk.central)) \(t("huishoudens met risico", "households at risk")).")
        }
        let without = plan.highRiskWithoutVolunteers.filter { onMap.contains($0.code) }
        var warning: HTML = ""
        if !without.isEmpty {
            let km = text.decimal(stored.volunteerDistance / 1000, decimals: 0)
            let (ranked, byVolunteering) = RecruitmentOrder.rank(without, areas: data.areas)
            let codes = ranked.prefix(10).map { s in
                s.volunteeringShare.map { "\(s.code) (\(text.decimal($0, decimals: 0))% \(t("doet vrijwilligerswerk", "volunteer")))" } ?? s.code
            }.joined(separator: ", ") + (ranked.count > 10 ? ", …" : "")
            let order = byVolunteering
                ? t(" Volgorde: eerst waar de meeste inwoners vrijwilligerswerk doen (RIVM Gezondheidsmonitor 2020, per gemeente), dan naar verwachte vraag.",
                    " Order: first where most residents do volunteer work (RIVM health monitor 2020, per municipality), then by expected demand.")
                : t(" Volgorde: naar verwachte vraag.", " Order: by expected demand.")
            let w: HTML = "\(without.count) \(t("gebieden met hoog risico hebben geen actieve vrijwilliger binnen \(km) km en zijn daarom geen flyergebied: een flyer daar levert hulpvragen op die niemand kan beantwoorden. Werf eerst vrijwilligers in", "high-risk areas have no active volunteer within \(km) km and are therefore not flyer targets: a flyer there brings requests nobody can answer. Recruit volunteers first in")) \(codes).\(order)"
            warning = "<p class=\"warning\">⚠ \(w)</p>"
            keyPoints.append(w)
        }
        let table: HTML = body.isEmpty ? "" : "<table><thead><tr><th>#</th><th>\(t("gebied", "area"))</th><th>\(t("gemeente", "municipality"))</th><th>flyers</th><th>\(t("schulden (pct.)", "debt (pct.)"))</th><th>\(t("eenzaamheid (pct.)", "loneliness (pct.)"))</th><th>\(t("verwacht aantal huishoudens met risico", "expected households at risk"))</th><th>\(t("dichtstbijzijnde vrijwilliger", "nearest volunteer"))</th></tr></thead><tbody>\(body)</tbody></table>"
        return Section(html: """
            <section id="targets"><h2>\(t("Flyercampagne", "Flyer campaign"))</h2>
            \(summary)\(warning)
            \(table)
            </section>

            """, keyPoints: keyPoints)
    }
}
