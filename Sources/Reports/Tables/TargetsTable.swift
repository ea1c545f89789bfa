import Atlas

/// targets.csv: one row per chosen area, in the order chosen (`why` in the report language).
public enum TargetsTable {
    public static let header = ["rank", "area_code", "municipality", "households", "flyers", "cumulative_flyers",
                                "debt_percentile", "loneliness_percentile", "requests_per_1000_households",
                                "requests_suppressed", "under_reached", "expected_at_risk", "expected_at_risk_low",
                                "expected_at_risk_high", "target_score", "nearest_volunteer_m", "adjacent_to", "why"]

    public static func rows(_ plan: FlyerTargeting.Plan, areas: [String: AreaRecord], scores: [String: [String: StoredIndexScore]],
                            reach: [String: Reach.AreaReach], suppression: Suppression,
                            language: ReportLanguage) -> [[String]] {
        let text = ReportText(lang: language, threshold: suppression.threshold)
        return plan.targets.map { t in
            let area = areas[t.code]
            let s = scores[t.code] ?? [:]
            let r = reach[t.code]
            let hidden = r.map { suppression.hides($0.requests) } ?? false
            return [String(t.rank), t.code, area?.municipality ?? "", Format.count(area?.households), String(t.flyers),
                    String(t.cumulativeFlyers)] + IndexName.allCases.map { Format.fixed(s[$0.rawValue]?.percentile, decimals: 2) } + [
                    hidden ? "" : Format.fixed(r?.perThousandHouseholds, decimals: 2), hidden ? "1" : "0",
                    s.values.contains { $0.underReached == true } ? "1" : "0",
                    Format.fixed(t.expectedAtRisk.central, decimals: 1), Format.fixed(t.expectedAtRisk.low, decimals: 1),
                    Format.fixed(t.expectedAtRisk.high, decimals: 1),
                    Format.fixed(t.value / Double(t.flyers), decimals: 4), Format.fixed(t.nearestVolunteer, decimals: 0),
                    t.adjacentTo ?? "", text.targetReason(t.reason)]
        }
    }

    public static func table(_ plan: FlyerTargeting.Plan, areas: [AreaRecord], scores: [String: [String: StoredIndexScore]],
                             reach: [String: Reach.AreaReach], suppression: Suppression,
                             language: ReportLanguage) -> PublishedTable {
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) })
        return PublishedTable(file: "targets.csv", header: header,
                              rows: rows(plan, areas: byCode, scores: scores, reach: reach, suppression: suppression,
                                         language: language))
    }
}
