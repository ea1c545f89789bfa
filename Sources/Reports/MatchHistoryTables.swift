import Atlas

/// distances.csv and distance_histogram.csv.
public enum DistancesTable {
    public static let header = ["grouping", "group", "matches", "same_area_matches", "median_m", "p75_m", "p90_m",
                                "share_within_1km", "share_within_3km", "share_within_5km", "suppressed"]
    public static let histogramHeader = ["grouping", "group", "bin_from_m", "bin_to_m", "matches", "suppressed"]

    /// The groups of a grouping partition the matches of `all`, so they are protected together:
    /// no small group can be worked out as `all` minus the others.
    public static func rows(_ summaries: [DistanceAnalysis.Summary], suppression: Suppression) -> [[String]] {
        var protected = Set<Int>()
        for indices in Dictionary(grouping: summaries.indices.filter { summaries[$0].grouping != "all" },
                                  by: { summaries[$0].grouping }).values {
            for (i, hide) in zip(indices, suppression.protect(indices.map { summaries[$0].matches })) where hide {
                protected.insert(i)
            }
        }
        return summaries.enumerated().map { i, s in
            var c = SuppressedCells(suppression)
            if protected.contains(i) {
                return [s.grouping, s.group, c.count(s.matches, hidden: true), c.count(s.sameArea, hidden: true),
                        "", "", "", "", "", "", "1"]
            }
            let n = s.matches
            return [s.grouping, s.group, c.count(n), c.count(s.sameArea),
                    c.statistic(s.median, over: n, decimals: 0), c.statistic(s.p75, over: n, decimals: 0),
                    c.statistic(s.p90, over: n, decimals: 0), c.statistic(s.within1km, over: n, decimals: 4),
                    c.statistic(s.within3km, over: n, decimals: 4), c.statistic(s.within5km, over: n, decimals: 4)] + [c.flag]
        }
    }

    /// The bins of a group add up to its matches (shown in distances.csv), so they are protected together.
    public static func histogramRows(_ summaries: [DistanceAnalysis.Summary], suppression: Suppression) -> [[String]] {
        summaries.flatMap { s in
            let hidden = suppression.protect(s.histogram)
            return s.histogram.enumerated().map { bin, count in
                var c = SuppressedCells(suppression)
                let from = Double(bin) * DistanceAnalysis.binWidth
                let to = bin == DistanceAnalysis.binCount - 1 ? "" : Format.fixed(from + DistanceAnalysis.binWidth, decimals: 0)
                return [s.grouping, s.group, Format.fixed(from, decimals: 0), to, c.count(count, hidden: hidden[bin]), c.flag]
            }
        }
    }
}

/// supply_demand.csv
public enum SupplyDemandTable {
    public static let header = ["location", "period", "category", "requests", "matched", "not_matched", "open",
                                "match_rate", "active_helpers", "helpers_per_request", "median_days_to_match", "suppressed"]

    public static func rows(_ rows: [SupplyDemand.Row], suppression: Suppression) -> [[String]] {
        rows.map { r in
            var c = SuppressedCells(suppression)
            let requestsHidden = suppression.hides(r.requests)
            // requests = matched + not matched + open: protect the parts against the shown total.
            let parts = requestsHidden ? [true, true, true] : suppression.protect([r.matched, r.notMatched, r.open])
            let rate = parts[0] || parts[1] ? nil : r.matchRate
            return [r.location, r.quarter, r.category.rawValue, c.count(r.requests, hidden: requestsHidden),
                    c.count(r.matched, hidden: parts[0]), c.count(r.notMatched, hidden: parts[1]),
                    c.count(r.open, hidden: parts[2]),
                    c.statistic(rate, over: r.matched + r.notMatched, decimals: 4), c.count(r.activeHelpers),
                    c.statistic(requestsHidden ? nil : r.helpersPerRequest, over: r.requests, decimals: 4),
                    c.statistic(r.medianDaysToMatch, over: r.daysToMatchCount, decimals: 1)] + [c.flag]
        }
    }
}

/// monthly.csv and trend.csv
public enum MonthlyTable {
    public static let header = ["location", "month", "help_requests", "info_requests", "matched", "not_matched", "open",
                                "total", "trend_total", "suppressed"]
    public static let trendHeader = ["location", "first_month", "last_month", "months", "slope_per_month",
                                     "intercept", "r_squared"]

    public static func rows(_ rows: [MonthlySeries.Row], suppression: Suppression) -> [[String]] {
        rows.map { r in
            var c = SuppressedCells(suppression)
            // total = help + info, help = matched + not matched + open: protect both sums.
            let totalHidden = suppression.hides(r.total)
            let kinds = totalHidden ? [true, true] : suppression.protect([r.helpRequests, r.infoRequests])
            let outcomes = kinds[0] ? [true, true, true] : suppression.protect([r.matched, r.notMatched, r.open])
            return [r.location, r.month, c.count(r.helpRequests, hidden: kinds[0]), c.count(r.infoRequests, hidden: kinds[1]),
                    c.count(r.matched, hidden: outcomes[0]), c.count(r.notMatched, hidden: outcomes[1]),
                    c.count(r.open, hidden: outcomes[2]), c.count(r.total, hidden: totalHidden),
                    Format.fixed(r.trend, decimals: 2), c.flag]
        }
    }

    public static func trendRows(_ trends: [MonthlySeries.Trend]) -> [[String]] {
        trends.map { t in
            [t.location, t.firstMonth, t.lastMonth, String(t.months), Format.fixed(t.fit?.slope, decimals: 4),
             Format.fixed(t.fit?.intercept, decimals: 4), Format.fixed(t.fit?.rSquared, decimals: 4)]
        }
    }
}

/// breakdowns.csv
public enum BreakdownsTable {
    public static let header = ["location", "period", "dimension", "value", "count", "total", "share", "suppressed"]

    /// Within each location × period × dimension the counts add up to the shown total, so the
    /// cells are protected together.
    public static func rows(_ rows: [Breakdowns.Row], suppression: Suppression) -> [[String]] {
        var out: [[String]] = []
        var start = 0
        while start < rows.count {
            var end = start
            let key = { (r: Breakdowns.Row) in [r.location, r.period, r.dimension] }
            while end < rows.count, key(rows[end]) == key(rows[start]) { end += 1 }
            let group = Array(rows[start..<end])
            let totalHidden = suppression.hides(group[0].total)
            let hidden = totalHidden ? group.map { _ in true } : suppression.protect(group.map(\.count))
            for (r, isHidden) in zip(group, hidden) {
                var c = SuppressedCells(suppression)
                out.append([r.location, r.period, r.dimension, r.value, c.count(r.count, hidden: isHidden),
                            c.count(r.total, hidden: totalHidden),
                            c.statistic(isHidden ? nil : r.share, over: r.total, decimals: 4), c.flag])
            }
            start = end
        }
        return out
    }
}
