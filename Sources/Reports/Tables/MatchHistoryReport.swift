import Atlas

/// The match-history analyses as the shareable tables (distances, supply/demand, monthly series,
/// breakdowns), with small counts protected, and the summary the analyse stage prints.
public enum MatchHistoryReport {
    public struct Written: Sendable {
        public var tables: [PublishedTable]
        public var files: [String] { tables.map(\.file) }
        public var requests: Int
        public var helpers: Int
        public var distances: DistanceAnalysis.Result
        /// Requesters whose postcode could not be placed on an area point.
        public var requestersNotLocated: Int
        public var helpersNotLocated: Int
    }

    /// `requests` and `helpers` are the stored match history and register, `locator` the stored
    /// area points: all loaded once by the caller (Reports reads no store).
    public static func tables(requests: [HelpRequest], helpers: [Helper], locator: Locator, rule: OutcomeRule,
                              suppression: Suppression) -> Written {
        // The four analyses are independent: computed (and suppressed) on all cores, kept in order.
        let computed = Parallel.map(4) { task -> Tables in
            switch task {
            case 0:
                let distances = DistanceAnalysis.compute(requests, locator: locator, rule: rule)
                return Tables(files: [
                    PublishedTable(file: "distances.csv", header: DistancesTable.header,
                                   rows: DistancesTable.rows(distances.summaries, suppression: suppression)),
                    PublishedTable(file: "distance_histogram.csv", header: DistancesTable.histogramHeader,
                                   rows: DistancesTable.histogramRows(distances.summaries, suppression: suppression)),
                ], distances: distances)
            case 1:
                let rows = SupplyDemand.compute(requests, helpers: helpers, rule: rule)
                return Tables(files: [PublishedTable(file: "supply_demand.csv", header: SupplyDemandTable.header,
                                                     rows: SupplyDemandTable.rows(rows, suppression: suppression))])
            case 2:
                let monthly = MonthlySeries.compute(requests, rule: rule)
                let protected = MonthlyTable.protected(monthly.rows, suppression: suppression)
                return Tables(files: [
                    PublishedTable(file: "monthly.csv", header: MonthlyTable.header, rows: protected.rows),
                    PublishedTable(file: "trend.csv", header: MonthlyTable.trendHeader,
                                   rows: MonthlyTable.trendRows(monthly.trends, withheld: protected.withheldTrends)),
                ])
            default:
                return Tables(files: [PublishedTable(file: "breakdowns.csv", header: BreakdownsTable.header,
                                                     rows: BreakdownsTable.rows(Breakdowns.compute(requests, rule: rule),
                                                                                suppression: suppression))])
            }
        }
        let distances = computed[0].distances!
        return Written(
            tables: computed.flatMap(\.files),
            requests: requests.count, helpers: helpers.count, distances: distances,
            requestersNotLocated: requests.filter { $0.requesterPostcode != nil && locator.place($0.requesterPostcode) == nil }.count,
            helpersNotLocated: helpers.filter { $0.postcode != nil && locator.place($0.postcode) == nil }.count)
    }
}

/// The CSV tables one analysis produces (name, header, rows).
private struct Tables: Sendable {
    var files: [PublishedTable]
    var distances: DistanceAnalysis.Result?
}
