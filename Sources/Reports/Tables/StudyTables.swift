import Atlas

/// The tables of a study period (study_summary, study_outcomes, study_monthly, study_trend,
/// study_breakdowns, church_overview), each with its own small-count suppression. They are
/// shared only after Pipeline's disclosure step has protected them together with the
/// match-history tables (docs/METHOD.md §8, §12).
public enum StudyTables {
    public static let files = ["study_summary.csv", "study_outcomes.csv", "study_monthly.csv", "study_trend.csv",
                               "study_breakdowns.csv", "church_overview.csv"]

    public enum SummaryColumn: String, TableColumn {
        case location, from, to, questions, info_requests, help_requests, referred, suppressed
    }
    public enum OutcomeColumn: String, TableColumn {
        case location, grouping, group, requests, share, matched, not_matched, open, match_rate, match_rate_low,
             match_rate_high, median_days_to_match, suppressed
    }
    public enum MonthColumn: String, TableColumn {
        case location, month, first_day, last_day, partial, info_requests, help_requests, total, trend_total, suppressed
    }
    public enum TrendColumn: String, TableColumn {
        case location, months_fitted, slope_per_month, slope_low, slope_high, intercept, r_squared, suppressed
    }
    public enum BreakdownColumn: String, TableColumn {
        case location, period, dimension, value, count, known, share, suppressed
    }
    public enum ChurchColumn: String, TableColumn {
        case location, church, category, answered, volunteers, suppressed
    }

    /// Shares and rates are written to 6 decimals, so that a percentage with one decimal taken
    /// from the cell is the percentage of the counts (0.170478, not 0.1705 → 17.1 %).
    static let shareDecimals = 6

    /// The tables of `study` with `suppression`.
    public static func tables(_ study: Study.Result, suppression s: Suppression) -> [PublishedTable] {
        let location = study.period.location
        let sum = study.summary
        var c = SuppressedCells(s)
        let summary = [[location, study.period.from.description, study.period.to.description, c.count(sum.questions),
                        c.count(sum.infoRequests), c.count(sum.helpRequests), c.count(sum.referred), c.flag]]
        let allRequests = study.outcomes.first?.requests ?? 0
        let outcomes = study.outcomes.map { o -> [String] in
            var c = SuppressedCells(s)
            let interval = o.matchRateInterval
            let rate = o.decided > 0 ? Double(o.matched) / Double(o.decided) : nil
            return [location, o.grouping, o.group, c.count(o.requests),
                    c.statistic(allRequests > 0 ? Double(o.requests) / Double(allRequests) : nil, over: allRequests, decimals: shareDecimals),
                    c.count(o.matched), c.count(o.notMatched), c.count(o.open),
                    c.statistic(rate, over: o.decided, decimals: shareDecimals),
                    c.statistic(interval?.low, over: o.decided, decimals: shareDecimals),
                    c.statistic(interval?.high, over: o.decided, decimals: shareDecimals),
                    c.statistic(o.medianDaysToMatch, over: o.daysToMatch.count, decimals: 1), c.flag]
        }
        let monthly = study.months.enumerated().map { i, m -> [String] in
            var c = SuppressedCells(s)
            let trend = study.trendX[i].flatMap { x in study.trend.map { $0.fit.value(at: x) } }
            return [location, m.label, m.first.description, m.last.description, m.partial ? "1" : "0", c.count(m.infoRequests),
                    c.count(m.helpRequests), c.count(m.total), Format.fixed(trend, decimals: 2), c.flag]
        }
        let trend: [[String]] = study.trend.map { t in
            [[location, String(t.points), Format.fixed(t.fit.slope, decimals: 4), Format.fixed(t.low, decimals: 4),
              Format.fixed(t.high, decimals: 4), Format.fixed(t.fit.intercept, decimals: 4),
              Format.fixed(t.fit.rSquared, decimals: 4), "0"]]
        } ?? []
        var breakdowns: [[String]] = []
        for group in groups(study.breakdowns) {
            let known = group.filter { $0.value != Study.unknown }.map(\.count).reduce(0, +)
            for row in group {
                var c = SuppressedCells(s)
                let share = row.value == Study.unknown || known == 0 ? nil : Double(row.count) / Double(known)
                breakdowns.append([location, row.period, row.dimension, row.value, c.count(row.count), c.count(known),
                                   c.statistic(share, over: known, decimals: shareDecimals), c.flag])
            }
        }
        let churches = study.churches.map { r -> [String] in
            var c = SuppressedCells(s)
            return [location, r.church, r.category, c.count(r.answered), r.volunteers.map { c.count($0) } ?? "", c.flag]
        }
        return [
            PublishedTable(file: files[0], header: SummaryColumn.header, rows: summary),
            PublishedTable(file: files[1], header: OutcomeColumn.header, rows: outcomes),
            PublishedTable(file: files[2], header: MonthColumn.header, rows: monthly),
            PublishedTable(file: files[3], header: TrendColumn.header, rows: trend),
            PublishedTable(file: files[4], header: BreakdownColumn.header, rows: breakdowns),
            PublishedTable(file: files[5], header: ChurchColumn.header, rows: churches),
        ]
    }

    /// The rows of one period and dimension together, in order.
    static func groups(_ rows: [Study.BreakdownRow]) -> [[Study.BreakdownRow]] {
        var order: [String] = []
        var byKey: [String: [Study.BreakdownRow]] = [:]
        for r in rows {
            let key = "\(r.period)|\(r.dimension)"
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(r)
        }
        return order.map { byKey[$0]! }
    }

    /// The tables with `suppression` and with nothing hidden (the truth the disclosure step weighs by).
    public static func tablesAndTruth(_ study: Study.Result, suppression: Suppression) -> (tables: [PublishedTable],
                                                                                             truth: [PublishedTable]) {
        (tables(study, suppression: suppression), tables(study, suppression: Suppression(threshold: 1)))
    }
}
