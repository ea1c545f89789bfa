import Atlas

/// forecast.csv (the next four quarters per location and category, with the backtest beside
/// them) and volunteers_needed.csv. docs/METHOD.md §14.
public enum ForecastTables {
    public static let files = ["forecast.csv", "volunteers_needed.csv"]

    public enum ForecastColumn: String, TableColumn {
        case location, category, quarter, expected, low, high, months_fitted, yearly_change, mase_model,
             mase_seasonal_naive, beats_seasonal_naive, withheld_because
    }
    public enum NeedColumn: String, TableColumn {
        case location, category, forecast_next_four_quarters, active_volunteers, last_year, last_year_requests,
             helpers_per_request, basis, volunteers_needed, gap, withheld_because
    }

    /// One location and category as the forecast stage made it.
    public struct Series: Sendable {
        public var location: String
        public var category: Category
        public var model: DemandForecast.Model?
        public var quarters: [DemandForecast.PeriodForecast]
        public var backtest: DemandForecast.Backtest?
        /// Why nothing is published for it (nil: published).
        public var withheldBecause: String?
        public var active: Int?
        public var lastYear: Int?
        public var lastYearRequests: Int?
        public var need: VolunteersNeeded.Need?
        public var target: Double?

        public init(location: String, category: Category, model: DemandForecast.Model?, quarters: [DemandForecast.PeriodForecast],
                    backtest: DemandForecast.Backtest?, withheldBecause: String?, active: Int?, lastYear: Int?,
                    lastYearRequests: Int?, need: VolunteersNeeded.Need?, target: Double?) {
            self.location = location
            self.category = category
            self.model = model
            self.quarters = quarters
            self.backtest = backtest
            self.withheldBecause = withheldBecause
            self.active = active
            self.lastYear = lastYear
            self.lastYearRequests = lastYearRequests
            self.need = need
            self.target = target
        }
    }

    public static func tables(_ series: [Series]) -> [PublishedTable] {
        var forecast: [[String]] = [], needs: [[String]] = []
        for s in series {
            let shown = s.withheldBecause == nil
            let backtest = [Format.fixed(shown ? s.backtest?.maseModel : nil, decimals: 3),
                            Format.fixed(shown ? s.backtest?.maseSeasonalNaive : nil, decimals: 3),
                            shown ? (s.backtest.map { $0.modelBeatsBaseline ? "1" : "0" } ?? "") : ""]
            for q in s.quarters {
                forecast.append([s.location, s.category.rawValue, Day.quarterLabel(q.months.lowerBound / 3),
                                 Format.fixed(shown ? q.mean : nil, decimals: 1), Format.fixed(shown ? q.low : nil, decimals: 0),
                                 Format.fixed(shown ? q.high : nil, decimals: 0), s.model.map { String($0.months) } ?? "",
                                 Format.fixed(shown ? s.model?.yearlyRateRatio : nil, decimals: 3)] + backtest + [s.withheldBecause ?? ""])
            }
            let year = s.quarters.reduce(0) { $0 + $1.mean }
            needs.append([s.location, s.category.rawValue, Format.fixed(shown && !s.quarters.isEmpty ? year : nil, decimals: 1),
                          s.active.map(String.init) ?? "", s.lastYear.map(String.init) ?? "",
                          s.lastYearRequests.map(String.init) ?? "", Format.fixed(shown ? s.need?.helpersPerRequest : nil, decimals: 4),
                          s.target.map { "target: \(Format.fixed($0, decimals: 1)) requests per volunteer a year" } ?? "current helpers per request",
                          shown ? (s.need.map { String($0.needed) } ?? "") : "", shown ? (s.need.map { String($0.gap) } ?? "") : "",
                          s.withheldBecause ?? (s.need == nil ? "no help requests last year to take the ratio from" : "")])
        }
        return [PublishedTable(file: files[0], header: ForecastColumn.header, rows: forecast),
                PublishedTable(file: files[1], header: NeedColumn.header, rows: needs)]
    }
}
