import Atlas
import Foundation
import Store

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

    /// `requests` is the stored match history (`store.requests()`), loaded once by the caller.
    public static func write(store: AtlasStore, requests: [HelpRequest], folder: String, rule: OutcomeRule,
                             suppression: Suppression) throws -> Written {
        try createOutputFolder(folder)
        let helpers = try store.helpers()
        let locator = Locator(pc6Points: try store.areaPoints(level: .pc6), pc4Points: try store.areaPoints(level: .pc4))
        let distances = DistanceAnalysis.compute(requests, locator: locator, rule: rule)
        let monthly = MonthlySeries.compute(requests, rule: rule)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

        try CSVFile.write(header: DistancesTable.header,
                          rows: DistancesTable.rows(distances.summaries, suppression: suppression), to: path("distances.csv"))
        try CSVFile.write(header: DistancesTable.histogramHeader,
                          rows: DistancesTable.histogramRows(distances.summaries, suppression: suppression),
                          to: path("distance_histogram.csv"))
        try CSVFile.write(header: SupplyDemandTable.header,
                          rows: SupplyDemandTable.rows(SupplyDemand.compute(requests, helpers: helpers, rule: rule),
                                                       suppression: suppression), to: path("supply_demand.csv"))
        try CSVFile.write(header: MonthlyTable.header, rows: MonthlyTable.rows(monthly.rows, suppression: suppression),
                          to: path("monthly.csv"))
        try CSVFile.write(header: MonthlyTable.trendHeader, rows: MonthlyTable.trendRows(monthly.trends), to: path("trend.csv"))
        try CSVFile.write(header: BreakdownsTable.header,
                          rows: BreakdownsTable.rows(Breakdowns.compute(requests, rule: rule), suppression: suppression),
                          to: path("breakdowns.csv"))
        return Written(
            files: ["distances.csv", "distance_histogram.csv", "supply_demand.csv", "monthly.csv", "trend.csv", "breakdowns.csv"],
            requests: requests.count, helpers: helpers.count, distances: distances,
            requestersNotLocated: requests.filter { $0.requesterPostcode != nil && locator.place($0.requesterPostcode) == nil }.count,
            helpersNotLocated: helpers.filter { $0.postcode != nil && locator.place($0.postcode) == nil }.count)
    }
}
