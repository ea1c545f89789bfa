import Atlas

/// The tables of the campaign evaluations (campaign_effect, campaign_series, campaign_balance,
/// campaign_areas), each with its own small-count suppression. They are shared only after
/// Pipeline's disclosure step has protected them with every other published table
/// (docs/METHOD.md §8, §13).
public enum CampaignTables {
    public static let files = ["campaign_effect.csv", "campaign_series.csv", "campaign_balance.csv", "campaign_areas.csv"]

    public enum EffectColumn: String, TableColumn {
        case campaign, delivered, outcome, first_month_before, last_month_before, first_month_after, last_month_after,
             targeted_areas, control_areas, flyers, targeted_before, targeted_after, control_before, control_after,
             rate_ratio, rate_ratio_low, rate_ratio_high, extra_per_1000_flyers, extra_per_1000_flyers_low,
             extra_per_1000_flyers_high, placebo_p, placebo_runs, not_evaluated_because, suppressed
    }
    public enum SeriesColumn: String, TableColumn {
        case campaign, first_month, last_month, period, targeted, control, suppressed
    }
    public enum BalanceColumn: String, TableColumn {
        case campaign, covariate, targeted, control, standardised_difference
    }
    public enum AreaColumn: String, TableColumn {
        case campaign, code, role, flyers
    }

    /// The two outcomes an effect row is about.
    public static let outcomes = ["help_requests", "first_time_requests"]

    public static func tablesAndTruth(_ results: [CampaignEvaluation.Result], suppression: Suppression)
        -> (tables: [PublishedTable], truth: [PublishedTable]) {
        (tables(results, suppression: suppression), tables(results, suppression: Suppression(threshold: 1)))
    }

    public static func tables(_ results: [CampaignEvaluation.Result], suppression s: Suppression) -> [PublishedTable] {
        var effects: [[String]] = [], series: [[String]] = [], balance: [[String]] = [], areas: [[String]] = []
        for r in results {
            let name = r.campaign.name, delivered = r.campaign.delivered.description
            let window = [r.before?.lowerBound, r.before?.upperBound, r.after?.lowerBound, r.after?.upperBound]
                .map { $0.map(Day.monthLabel) ?? "" }
            for (outcome, effect) in zip(outcomes, [r.requests, r.firstTime]) {
                if outcome == outcomes[1], r.series.first?.firstTimeTargeted == nil { continue }
                var c = SuppressedCells(s)
                let firstTime = outcome == outcomes[1]
                let sums = groupSums(r, firstTime: firstTime)
                let counts = sums.map { c.count($0) }
                let cases = sums.min() ?? 0
                // An estimate is shown only while the four totals it compares are, each of them
                // at least the threshold (a hidden total has set the row's flag already).
                func stat(_ v: Double?, _ decimals: Int) -> String {
                    counts.contains("") ? "" : c.statistic(v, over: cases, decimals: decimals)
                }
                let e = effect?.estimate
                effects.append([name, delivered, outcome] + window + [String(r.targeted.count), String(r.controls.count),
                                String(r.flyers)] + counts + [
                    stat(e?.rateRatio, 4), stat(e?.rateRatioLow, 4), stat(e?.rateRatioHigh, 4),
                    stat(effect?.perThousandFlyers, 3), stat(effect?.perThousandFlyersLow, 3),
                    stat(effect?.perThousandFlyersHigh, 3), stat(effect?.placeboP, 4),
                    effect.map { String($0.placeboRuns) } ?? "",
                    effect == nil ? (r.notEvaluated?.description ?? (firstTime ? "no estimate for first-time requesters" : "")) : "",
                    c.flag])
            }
            // Periods of three months, not months: the rest of a month (requests from neither
            // group) is often below the threshold and would hide most months. First-time
            // requests are published as totals only (the repeats of a period are fewer still).
            for block in blocks(r) {
                var c = SuppressedCells(s)
                let points = r.series.filter { block.months.contains($0.month) }
                series.append([name, Day.monthLabel(block.months.lowerBound), Day.monthLabel(block.months.upperBound),
                               block.after ? "after" : "before", c.count(points.reduce(0) { $0 + $1.targeted }),
                               c.count(points.reduce(0) { $0 + $1.control }), c.flag])
            }
            // A group's request rate before delivery follows from its total: hidden with it.
            let before = groupSums(r, firstTime: false)
            for b in r.balance {
                let rate = b.covariate == .requestRateBefore
                balance.append([name, b.covariate.rawValue,
                                rate && s.hides(before[0]) ? "" : Format.fixed(b.targeted, decimals: 3),
                                rate && s.hides(before[2]) ? "" : Format.fixed(b.control, decimals: 3),
                                Format.fixed(b.standardisedDifference, decimals: 3)])
            }
            areas += r.targeted.map { [name, $0, "targeted", String(r.campaign.flyers[$0] ?? 0)] }
            areas += r.controls.map { [name, $0, "control", ""] }
        }
        return [PublishedTable(file: files[0], header: EffectColumn.header, rows: effects),
                PublishedTable(file: files[1], header: SeriesColumn.header, rows: series),
                PublishedTable(file: files[2], header: BalanceColumn.header, rows: balance),
                PublishedTable(file: files[3], header: AreaColumn.header, rows: areas)]
    }

    /// The window in periods of (at most) three months: before delivery counted back from the
    /// delivery month, after it counted on, so that no period spans the delivery.
    public static func blocks(_ r: CampaignEvaluation.Result) -> [(months: ClosedRange<Int>, after: Bool)] {
        var out: [(months: ClosedRange<Int>, after: Bool)] = []
        if let before = r.before {
            var end = before.upperBound
            while end >= before.lowerBound {
                out.insert((max(before.lowerBound, end - 2)...end, false), at: 0)
                end -= 3
            }
        }
        if let after = r.after {
            var start = after.lowerBound
            while start <= after.upperBound {
                out.append((start...min(after.upperBound, start + 2), true))
                start += 3
            }
        }
        return out
    }

    /// Targeted before, targeted after, control before, control after.
    static func groupSums(_ r: CampaignEvaluation.Result, firstTime: Bool) -> [Int] {
        var sums = [0, 0, 0, 0]
        for p in r.series {
            let after = r.after?.contains(p.month) ?? false
            sums[after ? 1 : 0] += firstTime ? (p.firstTimeTargeted ?? 0) : p.targeted
            sums[after ? 3 : 2] += firstTime ? (p.firstTimeControl ?? 0) : p.control
        }
        return sums
    }
}
