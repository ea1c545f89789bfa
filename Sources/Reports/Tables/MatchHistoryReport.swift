import Atlas

/// The match-history analyses as the shareable tables (distances, supply/demand, monthly series,
/// breakdowns), with small counts protected, and the summary the analyse stage prints.
public enum MatchHistoryReport {
    public struct Written: Sendable, Codable {
        public var tables: [PublishedTable]
        /// The same tables with nothing hidden: never written (see `tables(requests:…)`).
        public var unprotected: [PublishedTable]
        public var files: [String] { tables.map(\.file) }
        public var requests: Int
        public var helpers: Int
        public var distances: DistanceAnalysis.Result
        /// Requesters whose postcode could not be placed on an area point.
        public var requestersNotLocated: Int
        public var helpersNotLocated: Int
        /// What the linked protection of the whole set did (nil until it ran).
        public var protection: Protection?
    }

    /// The linked protection's effect on the tables.
    public struct Protection: Sendable, Codable {
        /// The share of counts published before and after it.
        public var primaryShare: Double
        public var publishedShare: Double
        /// Counts it hid, statistics hidden with them, and the rounds of audit and repair.
        public var addedCounts: Int
        /// Hidden counts shown again because the rest determines them.
        public var restoredCounts: Int
        public var hiddenStatistics: Int
        public var rounds: Int

        public init(primaryShare: Double, publishedShare: Double, addedCounts: Int, restoredCounts: Int, hiddenStatistics: Int,
                    rounds: Int) {
            self.primaryShare = primaryShare
            self.publishedShare = publishedShare
            self.addedCounts = addedCounts
            self.restoredCounts = restoredCounts
            self.hiddenStatistics = hiddenStatistics
            self.rounds = rounds
        }
    }

    /// `requests` and `helpers` are the stored match history and register, `locator` the stored
    /// area points: all loaded once by the caller (Reports reads no store). The tables come with
    /// each table's own small-count protection; `unprotected` holds the same rows with nothing
    /// hidden, the true values that the linked protection of the whole set (Pipeline's
    /// `Disclosure`) weighs its choices by. Only `tables` may be shared, after that step.
    public static func tables(requests: [HelpRequest], helpers: [Helper], locator: Locator, rule: OutcomeRule,
                              suppression: Suppression) -> Written {
        // The four analyses are independent: computed (and formatted) on all cores, kept in order.
        let computed = Parallel.map(4) { task -> Tables in
            switch task {
            case 0:
                let distances = DistanceAnalysis.compute(requests, locator: locator, rule: rule)
                return Tables(suppression, distances: distances) { s in [
                    PublishedTable(file: "distances.csv", header: DistancesTable.header,
                                   rows: DistancesTable.rows(distances.summaries, suppression: s)),
                    PublishedTable(file: "distance_histogram.csv", header: DistancesTable.histogramHeader,
                                   rows: DistancesTable.histogramRows(distances.summaries, suppression: s)),
                    PublishedTable(file: "distances_quarterly.csv", header: DistancesQuarterlyTable.header,
                                   rows: DistancesQuarterlyTable.rows(distances.quarterly, suppression: s)),
                    PublishedTable(file: "distance_histogram_quarterly.csv", header: DistancesQuarterlyTable.histogramHeader,
                                   rows: DistancesQuarterlyTable.histogramRows(distances.quarterly, suppression: s)),
                ] }
            case 1:
                let rows = SupplyDemand.compute(requests, helpers: helpers, rule: rule)
                return Tables(suppression) { s in [PublishedTable(file: "supply_demand.csv", header: SupplyDemandTable.header,
                                                     rows: SupplyDemandTable.rows(rows, suppression: s))] }
            case 2:
                let monthly = MonthlySeries.compute(requests, rule: rule)
                let quarters = MonthlySeries.quarters(monthly.rows)
                return Tables(suppression) { s in
                    let protected = MonthlyTable.protected(monthly.rows, suppression: s)
                    return [
                        PublishedTable(file: "monthly.csv", header: MonthlyTable.header, rows: protected.rows),
                        PublishedTable(file: "quarterly.csv", header: QuarterlyTable.header,
                                       rows: QuarterlyTable.rows(quarters, suppression: s)),
                        PublishedTable(file: "trend.csv", header: MonthlyTable.trendHeader,
                                       rows: MonthlyTable.trendRows(monthly.trends, withheld: protected.withheldTrends)),
                    ]
                }
            default:
                let rows = Breakdowns.compute(requests, rule: rule)
                return Tables(suppression) { s in [PublishedTable(file: "breakdowns.csv", header: BreakdownsTable.header,
                                                     rows: BreakdownsTable.rows(rows, suppression: s))] }
            }
        }
        let distances = computed[0].distances!
        return Written(
            tables: computed.flatMap(\.files), unprotected: computed.flatMap(\.unprotected),
            requests: requests.count, helpers: helpers.count, distances: distances,
            requestersNotLocated: requests.filter { $0.requesterPostcode != nil && locator.place($0.requesterPostcode) == nil }.count,
            helpersNotLocated: helpers.filter { $0.postcode != nil && locator.place($0.postcode) == nil }.count)
    }
}

/// The CSV tables one analysis produces (name, header, rows).
private struct Tables: Sendable {
    var files: [PublishedTable]
    var unprotected: [PublishedTable]
    var distances: DistanceAnalysis.Result?

    /// The tables with `suppression`, and with nothing hidden (threshold 1).
    init(_ suppression: Suppression, distances: DistanceAnalysis.Result? = nil, _ make: (Suppression) -> [PublishedTable]) {
        files = make(suppression)
        unprotected = make(Suppression(threshold: 1))
        self.distances = distances
    }
}
