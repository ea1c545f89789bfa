import Atlas
import Foundation

/// Computes the match-history analyses from the store and writes their CSV files.
public enum MatchHistoryReport {
    public struct Written: Sendable {
        public var files: [String]
        public var requests: Int
        public var helpers: Int
        public var distances: DistanceAnalysis.Result
        /// Requesters whose postcode could not be placed on an area point.
        public var requestersNotLocated: Int
        public var helpersNotLocated: Int
    }

    /// `requests` and `helpers` are the stored match history and register, `locator` the stored
    /// area points: all loaded once by the caller (Reports reads no store).
    public static func write(requests: [HelpRequest], helpers: [Helper], locator: Locator, folder: String, rule: OutcomeRule,
                             suppression: Suppression) throws -> Written {
        try createOutputFolder(folder)
        // The four analyses are independent: computed (and suppressed) on all cores, written in order.
        let computed = Parallel.map(4) { task -> Tables in
            switch task {
            case 0:
                let distances = DistanceAnalysis.compute(requests, locator: locator, rule: rule)
                return Tables(files: [
                    ("distances.csv", DistancesTable.header, DistancesTable.rows(distances.summaries, suppression: suppression)),
                    ("distance_histogram.csv", DistancesTable.histogramHeader,
                     DistancesTable.histogramRows(distances.summaries, suppression: suppression)),
                ], distances: distances)
            case 1:
                let rows = SupplyDemand.compute(requests, helpers: helpers, rule: rule)
                return Tables(files: [("supply_demand.csv", SupplyDemandTable.header,
                                       SupplyDemandTable.rows(rows, suppression: suppression))])
            case 2:
                let monthly = MonthlySeries.compute(requests, rule: rule)
                return Tables(files: [
                    ("monthly.csv", MonthlyTable.header, MonthlyTable.rows(monthly.rows, suppression: suppression)),
                    ("trend.csv", MonthlyTable.trendHeader, MonthlyTable.trendRows(monthly.trends)),
                ])
            default:
                return Tables(files: [("breakdowns.csv", BreakdownsTable.header,
                                       BreakdownsTable.rows(Breakdowns.compute(requests, rule: rule), suppression: suppression))])
            }
        }
        var files: [String] = []
        for table in computed.flatMap(\.files) {
            try CSVFile.write(header: table.header, rows: table.rows, to: (folder as NSString).appendingPathComponent(table.name))
            files.append(table.name)
        }
        let distances = computed[0].distances!
        return Written(
            files: files,
            requests: requests.count, helpers: helpers.count, distances: distances,
            requestersNotLocated: requests.filter { $0.requesterPostcode != nil && locator.place($0.requesterPostcode) == nil }.count,
            helpersNotLocated: helpers.filter { $0.postcode != nil && locator.place($0.postcode) == nil }.count)
    }
}

/// The CSV tables one analysis produces (name, header, rows).
private struct Tables: Sendable {
    var files: [(name: String, header: [String], rows: [[String]])]
    var distances: DistanceAnalysis.Result?
}
