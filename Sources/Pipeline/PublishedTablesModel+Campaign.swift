import Atlas
import Reports

/// The campaign tables in the linked model: per campaign and month, the targeted and the
/// control areas' help requests with the rest of the month's (not published) make up the
/// month's help requests in monthly.csv; the four totals of an effect row are sums of those
/// months before and after, and the first-time requesters' totals are parts of them; and
/// every estimate and the request rates before delivery are statistics of those totals.
/// docs/METHOD.md §8, §13.
extension PublishedTablesModel {
    /// The month labels from `first` to `last` ("2022-09"), none when either is not a month.
    static func months(from first: String, to last: String) -> [String] {
        func index(_ label: String) -> Int? { (try? Day(parsing: label + "-01"))?.monthIndex }
        guard let a = index(first), let b = index(last), a <= b, b - a < 240 else { return [] }
        return (a...b).map(Day.monthLabel)
    }

    mutating func campaigns(_ sheets: [String: Sheet]) {
        let allMonthly = Vocabulary.reservedLocation
        let monthlyLocations = Set((sheets["monthly.csv"].map { s in s.rows.map { s.text($0, "location") } }) ?? [])
        // The month's help requests of all locations: the `all` row, or the only location's.
        func monthTotal(_ month: String) -> Int? {
            existing("m|help_requests|\(allMonthly)|\(month)")
                ?? (monthlyLocations.count == 1 ? existing("m|help_requests|\(monthlyLocations.first!)|\(month)") : nil)
        }
        // Per campaign and outcome, the month cells before and after, of the targeted and control areas.
        var groups: [String: [[Int]]] = [:]
        let series = sheets["campaign_series.csv"]
        for r in series?.rows ?? 0..<0 {
            guard let series else { break }
            let (name, month) = (series.text(r, "campaign"), series.text(r, "first_month"))
            let after = series.text(r, "period") == "after"
            let label = "campaign_series.csv: \(name) \(month)–\(series.text(r, "last_month"))"
            let t = cell("cs|t|\(name)|\(month)", "\(label) targeted", series, r, "targeted")
            let c = cell("cs|c|\(name)|\(month)", "\(label) control", series, r, "control")
            // The period's help requests of all areas: its months' (monthly.csv), and the two
            // groups' with the rest (not published).
            let months = Self.months(from: month, to: series.text(r, "last_month")).compactMap(monthTotal)
            if !months.isEmpty {
                let all = cell("cs|all|\(name)|\(month)", "\(label) all areas (not published)", shown: nil)
                sum(all, of: months)
                sum(all, of: [t, c, cell("cs|r|\(name)|\(month)", "\(label) other areas (not published)", shown: nil)])
            }
            groups["help_requests|" + name, default: [[], [], [], []]].add([t, c], after)
        }
        guard let effect = sheets["campaign_effect.csv"] else { return }
        var helpTotals: [String: [Int]] = [:]
        for r in effect.rows {
            let (name, outcome) = (effect.text(r, "campaign"), effect.text(r, "outcome"))
            let label = "campaign_effect.csv: \(name) \(outcome)"
            let totals = ["targeted_before", "targeted_after", "control_before", "control_after"].enumerated().map { k, column in
                let i = cell("ce|\(outcome)|\(name)|\(column)", "\(label) \(column)", effect, r, column)
                if let parts = groups["\(outcome)|\(name)"]?[k], !parts.isEmpty { sum(i, of: parts) }
                return i
            }
            for column in ["rate_ratio", "rate_ratio_low", "rate_ratio_high", "extra_per_1000_flyers", "extra_per_1000_flyers_low",
                           "extra_per_1000_flyers_high", "placebo_p"] {
                statistic(effect, r, column, label: "\(label) \(column)", inputs: totals)
            }
            if outcome == CampaignTables.outcomes[0] {
                helpTotals[name] = totals
            } else if let whole = helpTotals[name] {
                for (k, part) in totals.enumerated() {
                    sum(whole[k], of: [part, cell("ce|repeat|\(name)|\(k)", "\(label) repeat requests \(k) (not published)", shown: nil)])
                }
            }
        }
        if let balance = sheets["campaign_balance.csv"] {
            for r in balance.rows where balance.text(r, "covariate") == CampaignEvaluation.Balance.Covariate.requestRateBefore.rawValue {
                let name = balance.text(r, "campaign")
                guard let totals = helpTotals[name].map({ [$0[0], $0[2]] }) else { continue }
                statistic(balance, r, "targeted", label: "campaign_balance.csv: \(name) targeted request rate", inputs: [totals[0]])
                statistic(balance, r, "control", label: "campaign_balance.csv: \(name) control request rate", inputs: [totals[1]])
            }
        }
    }
}

private extension Array where Element == [Int] {
    /// Adds a month's targeted and control cells to the before (0, 2) or after (1, 3) groups.
    mutating func add(_ cells: [Int], _ after: Bool) {
        self[after ? 1 : 0].append(cells[0])
        self[after ? 3 : 2].append(cells[1])
    }
}
