import Atlas

/// distances.csv and distance_histogram.csv.
public enum DistancesTable {
    public enum Column: String, TableColumn {
        case grouping, group, matches, same_area_matches, median_m, p75_m, p90_m, share_within_1km, share_within_3km,
             share_within_5km, suppressed
    }
    public enum HistogramColumn: String, TableColumn { case grouping, group, bin_from_m, bin_to_m, matches, suppressed }
    public static let header = Column.header
    public static let histogramHeader = HistogramColumn.header

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
                let bounds = binBounds(bin)
                return [s.grouping, s.group, bounds.from, bounds.to, c.count(count, hidden: hidden[bin]), c.flag]
            }
        }
    }

    /// A bin's start and end in metres as published (the last bin has no end).
    static func binBounds(_ bin: Int) -> (from: String, to: String) {
        let from = Double(bin) * DistanceAnalysis.binWidth
        return (Format.fixed(from, decimals: 0),
                bin == DistanceAnalysis.binCount - 1 ? "" : Format.fixed(from + DistanceAnalysis.binWidth, decimals: 0))
    }
}

/// supply_demand.csv
public enum SupplyDemandTable {
    public enum Column: String, TableColumn {
        case location, period, category, requests, matched, not_matched, open, match_rate, active_helpers,
             helpers_per_request, median_days_to_match, suppressed
    }
    public static let header = Column.header

    /// The categories of a location's quarter add up to its help requests, which other tables
    /// show (monthly.csv by month), so they are protected together as well.
    public static func rows(_ rows: [SupplyDemand.Row], suppression: Suppression) -> [[String]] {
        var protected = Set<Int>()
        let quarters = Dictionary(grouping: rows.indices) { "\(rows[$0].location)|\(rows[$0].quarter)" }
        for indices in quarters.values {
            for (i, hide) in zip(indices, suppression.protect(indices.map { rows[$0].requests })) where hide {
                protected.insert(i)
            }
        }
        return rows.enumerated().map { index, r in
            var c = SuppressedCells(suppression)
            let requestsHidden = protected.contains(index)
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
    public enum Column: String, TableColumn {
        case location, month, help_requests, info_requests, total, trend_total, suppressed
    }
    public static let header = Column.header
    public static let trendHeader = ["location", "first_month", "last_month", "months", "slope_per_month",
                                     "intercept", "r_squared", "suppressed"]

    /// Each month's counts add up (help + info = total), so a small one is hidden with another
    /// of the month (the linked protection of the set, with the quarters, comes after). The
    /// months' outcomes are not published: quarterly.csv has them per quarter, where they are
    /// rarely small.
    public static func rows(_ rows: [MonthlySeries.Row], suppression: Suppression) -> [[String]] {
        protected(rows, suppression: suppression).rows
    }

    /// The rows, and the locations whose trend is withheld: a least-squares line over a
    /// location's months is two more sums of its monthly totals (with two months it passes
    /// through both), so it is published only where none of those totals is hidden.
    public static func protected(_ rows: [MonthlySeries.Row], suppression: Suppression)
        -> (rows: [[String]], withheldTrends: Set<String>) {
        let hidden = rows.map { r in suppression.protect([r.helpRequests, r.infoRequests]) + [suppression.hides(r.total)] }
        let withheld = Set(rows.indices.filter { hidden[$0][2] }.map { rows[$0].location })
        let out = rows.enumerated().map { m, r in
            var c = SuppressedCells(suppression)
            let counts = zip([r.helpRequests, r.infoRequests, r.total], hidden[m]).map { c.count($0, hidden: $1) }
            let trend = withheld.contains(r.location) ? nil : r.trend
            return [r.location, r.month] + counts
                + [Format.fixed(trend, decimals: 2), withheld.contains(r.location) && r.trend != nil ? "1" : c.flag]
        }
        return (out, withheld)
    }

    /// trend.csv; the fit of a location in `withheld` is left empty (see `protected`).
    public static func trendRows(_ trends: [MonthlySeries.Trend], withheld: Set<String> = []) -> [[String]] {
        trends.map { t in
            let fit = withheld.contains(t.location) ? nil : t.fit
            return [t.location, t.firstMonth, t.lastMonth, String(t.months), Format.fixed(fit?.slope, decimals: 4),
                    Format.fixed(fit?.intercept, decimals: 4), Format.fixed(fit?.rSquared, decimals: 4),
                    withheld.contains(t.location) && t.fit != nil ? "1" : "0"]
        }
    }
}

/// breakdowns.csv
public enum BreakdownsTable {
    public enum Column: String, TableColumn { case location, period, dimension, value, count, total, share, suppressed }
    public static let header = Column.header

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
