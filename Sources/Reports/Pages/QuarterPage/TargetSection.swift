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
                + "<td>\(figures.count("targets", target.code, "flyers", csv: String(target.flyers), suppressed: false))</td>"
                + percentiles.map { "<td>\($0.map { String(Int($0.rounded())) } ?? "–")</td>" as HTML }.joined()
                + "<td>\(figures.decimal("targets", target.code, "expected_at_risk", csv: Format.fixed(target.expectedAtRisk.central, decimals: 1), suppressed: false, decimals: 0))"
                + " <small>(\(text.count(target.expectedAtRisk.low))–\(text.count(target.expectedAtRisk.high)))</small></td>"
                + "<td>\(target.nearestVolunteer < 1 ? t(.inTheArea) : text.distance(target.nearestVolunteer))</td></tr>"
        }
        var keyPoints: [HTML] = []
        var summary: HTML
        if let because = plan.nothingChosenBecause {
            let reason = text.nothingChosen(because)
            summary = "<p class=\"warning\">\(t(.noAreasChosen)): \(reason).</p>"
            keyPoints.append("\(t(.flyerCampaignNoAreasChosen)) (\(reason)).")
        } else {
            let gain = plan.naiveExpectedAtRisk.central > 0 ? plan.expectedAtRisk.central / plan.naiveExpectedAtRisk.central - 1 : nil
            summary = """
                <p>\(t(.budget)) \(text.count(plan.budget)) flyers; \(t(.chosen)): \(plan.targets.count) \(t(.areas)), \
                \(text.count(plan.flyers)) flyers. \(t(.expectedReach)): \(text.count(plan.expectedAtRisk.central)) \
                \(t(.householdsAtRisk)) (\(t(.range)) \(text.count(plan.expectedAtRisk.low))–\(text.count(plan.expectedAtRisk.high)))\
                \(gain.map { g in HTML(stringLiteral: "; " + t(.thatIsMoreThanHighestRiskFirst(percent: text.percent(g)))) } ?? ""). \
                \(t(.goal)): \(text.goal(stored.goal).lowercased()); \(t(.catchment)): \(text.catchment(stored.catchment)).</p>
                """
            keyPoints.append("\(t(.flyerCampaign)): \(plan.targets.count) \(t(.areas)), \(text.count(plan.flyers)) flyers, \(t(.expectedToReach)) \(text.count(plan.expectedAtRisk.central)) \(t(.householdsAtRisk)).")
        }
        // The plan is the campaign's; the table lists the areas on this page's map, and says so
        // when some lie elsewhere, so that its rows and the summary agree.
        let mapped = plan.targets.filter { onMap.contains($0.code) }
        if plan.nothingChosenBecause == nil, mapped.count < plan.targets.count {
            summary += "<p class=\"note\">\(t(.targetsOnThisMap(shown: mapped.count, of: plan.targets.count, flyers: text.count(mapped.map(\.flyers).reduce(0, +)))))</p>"
        }
        let without = plan.highRiskWithoutVolunteers.filter { onMap.contains($0.code) }
        var warning: HTML = ""
        if !without.isEmpty {
            let km = text.decimal(stored.volunteerDistance / 1000, decimals: 0)
            let (ranked, byVolunteering) = RecruitmentOrder.rank(without, areas: data.areas)
            let codes = ranked.prefix(10).map { s in
                s.volunteeringShare.map { "\(s.code) (\(text.decimal($0, decimals: 0))% \(t(.volunteer)))" } ?? s.code
            }.joined(separator: ", ") + (ranked.count > 10 ? ", …" : "")
            let order = byVolunteering
                ? t(.orderFirstWhereMostResidentsDo)
                : t(.orderByExpectedDemand)
            let w: HTML = "\(without.count) \(t(.highRiskAreasWithoutVolunteerWithin(km: km))) \(codes).\(order)"
            warning = "<p class=\"warning\">⚠ \(w)</p>"
            keyPoints.append(w)
        }
        let table: HTML = body.isEmpty ? "" : "<table><thead><tr><th>#</th><th>\(t(.area))</th><th>\(t(.municipality))</th><th>flyers</th><th>\(t(.debtPct))</th><th>\(t(.lonelinessPct))</th><th>\(t(.expectedHouseholdsAtRisk))</th><th>\(t(.nearestVolunteer))</th></tr></thead><tbody>\(body)</tbody></table>"
        return Section(html: """
            <section id="targets"><h2>\(t(.flyerCampaign))</h2>
            \(summary)\(warning)
            \(table)
            </section>

            """, keyPoints: keyPoints)
    }
}
