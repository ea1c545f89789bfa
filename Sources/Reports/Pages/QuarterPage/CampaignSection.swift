import Atlas

/// The flyer campaigns' estimates (campaign_effect.csv): on the reports of the year from the
/// quarter in which a campaign's after-window ends (when its estimate is first known), and on
/// a location's pages only for campaigns that delivered flyers to an area on its map.
extension QuarterPage {
    func campaignSection() -> Section {
        let onMap = Set(scope.mapAreas.map(\.code))
        let effects = tables.campaignEffects.filter { e in
            reportedThisQuarter(e) && (report.location == .all || !tables.targetedAreas(e[.campaign]).isDisjoint(with: onMap))
        }
        guard !effects.isEmpty else { return Section(html: "") }
        var keyPoints: [HTML] = []
        let body: [HTML] = effects.map { e in
            let group = "\(e[.campaign])|\(e[.outcome])"
            let hidden = e[.suppressed] == "1"
            func value(_ column: CampaignTables.EffectColumn, _ decimals: Int) -> HTML {
                figure("campaign_effect", group, e, column, .decimal(decimals))
            }
            let firstTime = e[.outcome] == CampaignTables.outcomes[1]
            let estimate: HTML
            if !e[.not_evaluated_because].isEmpty || (e[.rate_ratio].isEmpty && !hidden) {
                estimate = "<td colspan=\"3\">\(t(.campaignNoEstimate)): \(CampaignPage.reason(e[.not_evaluated_because], nl: text.nl))</td>"
            } else {
                estimate = "<td>\(value(.rate_ratio, 2)) <small>(\(value(.rate_ratio_low, 2))–\(value(.rate_ratio_high, 2)))</small></td>"
                    + "<td>\(value(.extra_per_1000_flyers, 1)) <small>(\(value(.extra_per_1000_flyers_low, 1))–\(value(.extra_per_1000_flyers_high, 1)))</small></td>"
                    + "<td>\(value(.placebo_p, 3))</td>"
            }
            if !firstTime { keyPoints.append("\(t(.campaignResult(name: e[.campaign], verdict: verdict(e))))") }
            // The campaign's name, date and flyers once, over its rows (all requests, first-time).
            let rows = effects.filter { $0[.campaign] == e[.campaign] }.count
            let span: HTML = rows > 1 ? " rowspan=\"\(rows)\"" : ""
            let campaign: HTML = effects.first { $0[.campaign] == e[.campaign] }?[.outcome] != e[.outcome] ? ""
                : "<th\(span)>\(e[.campaign])</th><td\(span) class=\"date\">\(e[.delivered])</td>"
                    + "<td\(span)>\(figure("campaign_effect", group, e, .flyers, .count))</td>"
            return "<tr>\(campaign)<td>\(t(firstTime ? .firstTimeRequesters : .allRequesters))</td>\(estimate)</tr>"
        }
        return Section(html: """
            <section id="campaigns"><h2>\(t(.campaignsTitle))</h2>
            <p>\(t(.campaignsIntro))<a href="\(CampaignPage.file)">\(CampaignPage.file)</a>.</p>
            <table><thead><tr><th>\(t(.campaign))</th><th>\(t(.deliveredOn))</th><th>flyers</th><th>\(t(.requestsOf))</th>\
            <th>\(t(.rateRatioAfterBefore))</th><th>\(t(.extraPer1000Flyers))</th><th>\(t(.placeboP))</th></tr></thead>
            <tbody>\(body)</tbody></table>
            </section>

            """, keyPoints: keyPoints)
    }

    /// From the quarter the campaign's after-window ends in (its delivery's, when it has none),
    /// for four quarters.
    func reportedThisQuarter(_ e: PublishedRow<CampaignTables.EffectColumn>) -> Bool {
        let known = (try? Day(parsing: e[.last_month_after] + "-01")) ?? (try? Day(parsing: e[.delivered]))
        guard let known else { return false }
        let from = known.calendarQuarter
        return report.quarter >= from && report.quarter < from.advanced(by: 4)
    }

    /// The estimate in plain words: more or fewer requests where the interval excludes 1.
    func verdict(_ e: PublishedRow<CampaignTables.EffectColumn>) -> String {
        guard let low = Double(e[.rate_ratio_low]), let high = Double(e[.rate_ratio_high]) else { return t(.campaignNoEstimate) }
        return low > 1 ? t(.campaignMore) : high < 1 ? t(.campaignFewer) : t(.campaignNoDemonstrableEffect)
    }
}
