import Atlas

/// quarterly.csv: every location's (and `all` locations') requests per quarter, the sums of its
/// months in monthly.csv. The quarterly reports' "at a glance" figures are these cells.
public enum QuarterlyTable {
    public enum Column: String, TableColumn {
        case location, quarter, help_requests, info_requests, matched, not_matched, open, total, match_rate, suppressed
    }
    public static let header = Column.header

    /// Small counts hidden; which other cells must go with them (here, in monthly.csv or in the
    /// breakdowns) the linked protection of the whole set chooses (`Disclosure` in Pipeline), by
    /// a cost that keeps the help requests and outcomes a board reads before the row totals.
    public static func rows(_ rows: [MonthlySeries.QuarterRow], suppression: Suppression) -> [[String]] {
        rows.map { r in
            let values = [r.helpRequests, r.infoRequests, r.matched, r.notMatched, r.open, r.total]
            let hidden = values.map(suppression.hides)
            var c = SuppressedCells(suppression)
            let counts = values.indices.map { c.count(values[$0], hidden: hidden[$0]) }
            let rate = hidden[2] || hidden[3] ? nil : r.matchRate
            return [r.location, r.quarter] + counts
                + [c.statistic(rate, over: r.matched + r.notMatched, decimals: 4), c.flag]
        }
    }
}

/// distances_quarterly.csv and distance_histogram_quarterly.csv: how far volunteers travelled
/// for one location's (and `all` locations') matches of a quarter, in all and per category,
/// with the bins of all (what a quarterly report draws).
public enum DistancesQuarterlyTable {
    public enum Column: String, TableColumn {
        case location, quarter, category, matches, median_m, share_within_3km, suppressed
    }
    public enum HistogramColumn: String, TableColumn { case location, quarter, bin_from_m, bin_to_m, matches, suppressed }
    public static let header = Column.header
    public static let histogramHeader = HistogramColumn.header

    /// The categories of a location's quarter partition its matches: protected together.
    public static func rows(_ summaries: [DistanceAnalysis.QuarterSummary], suppression: Suppression) -> [[String]] {
        var hidden = Set<Int>()
        let groups = Dictionary(grouping: summaries.indices.filter { summaries[$0].category != "all" }) {
            "\(summaries[$0].location)|\(summaries[$0].quarter)"
        }
        for indices in groups.values {
            for (i, hide) in zip(indices, suppression.protect(indices.map { summaries[$0].summary.matches })) where hide {
                hidden.insert(i)
            }
        }
        return summaries.enumerated().map { i, q in
            var c = SuppressedCells(suppression)
            let s = q.summary
            let isHidden = hidden.contains(i) || suppression.hides(s.matches)
            return [q.location, q.quarter, q.category, c.count(s.matches, hidden: isHidden),
                    c.statistic(isHidden ? nil : s.median, over: s.matches, decimals: 0),
                    c.statistic(isHidden ? nil : s.within3km, over: s.matches, decimals: 4), c.flag]
        }
    }

    /// The bins of each location's quarter (all categories), protected against its matches.
    public static func histogramRows(_ summaries: [DistanceAnalysis.QuarterSummary], suppression: Suppression) -> [[String]] {
        summaries.filter { $0.category == "all" }.flatMap { q in
            let hidden = suppression.protect(q.summary.histogram)
            return q.summary.histogram.enumerated().map { bin, count in
                var c = SuppressedCells(suppression)
                let bounds = DistancesTable.binBounds(bin)
                return [q.location, q.quarter, bounds.from, bounds.to, c.count(count, hidden: hidden[bin]), c.flag]
            }
        }
    }
}
