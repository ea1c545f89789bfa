import Atlas
import Config
import Reports

/// The demand forecast per location and category (`DemandForecast`) and the volunteers it
/// needs, from the history and the protected tables: the last year's requests and today's
/// active volunteers are the cells breakdowns.csv and supply_demand.csv publish, so the need
/// adds no count of its own. A forecast is withheld where last year's requests are hidden: it
/// would tell them. docs/METHOD.md §14.
enum ForecastStage {
    static func series(requests: [HelpRequest], protected tables: [PublishedTable], requestsPerVolunteer: Double?,
                       settings: DemandForecast.Settings = .init()) -> [ForecastTables.Series] {
        let help = requests.filter { $0.kind == .hulpvraag && $0.category != nil }
        guard let first = help.map(\.createdAt.monthIndex).min(), let last = help.map(\.createdAt.monthIndex).max() else { return [] }
        let lastYear = last % 12 == 11 ? last / 12 : last / 12 - 1
        let latestQuarter = Day.quarterLabel(last / 3)
        let byFile = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        var yearCounts: [String: String] = [:], active: [String: String] = [:]
        for r in (byFile["breakdowns.csv"]?.rows ?? []).map(PublishedRow<BreakdownsTable.Column>.init)
            where r[.period] == String(lastYear) && r[.dimension] == "category" {
            yearCounts["\(r[.location])|\(r[.value])"] = r[.count]
        }
        for r in (byFile["supply_demand.csv"]?.rows ?? []).map(PublishedRow<SupplyDemandTable.Column>.init)
            where r[.period] == latestQuarter {
            active["\(r[.location])|\(r[.category])"] = r[.active_helpers]
        }
        let locations = Set(help.map(\.location)).sorted() + [SupplyDemand.all]
        // Every series' monthly counts in one pass over the history.
        var series: [String: [Int]] = [:]
        for r in help {
            guard let category = r.category else { continue }
            for location in [r.location, SupplyDemand.all] {
                series["\(location)|\(category.rawValue)", default: [Int](repeating: 0, count: last - first + 1)][
                    r.createdAt.monthIndex - first] += 1
            }
        }
        var out: [ForecastTables.Series] = []
        for location in locations {
            for category in Category.allCases {
                let counts = series["\(location)|\(category.rawValue)"] ?? [Int](repeating: 0, count: last - first + 1)
                let key = "\(location)|\(category.rawValue)"
                let yearRequests = yearCounts[key].flatMap { Int($0) }
                let activeNow = active[key].flatMap { Int($0) }
                let model = DemandForecast.fit(counts, firstMonth: first, settings: settings)
                var withheld: String?
                if model == nil {
                    withheld = "fewer than \(settings.minimumMonths) months of history, or too few requests to fit the model (a month of the year without any)"
                } else if yearRequests == nil {
                    withheld = "its help requests of \(lastYear) are hidden in breakdowns.csv (small numbers); a forecast would tell them"
                }
                // Without a model the same quarters are listed, empty, with the reason.
                let quarters = model.map { DemandForecast.nextQuarters($0, settings: settings) }
                    ?? DemandForecast.quarterMonths(after: last).map { .init(months: $0, mean: .nan, low: .nan, high: .nan) }
                let need = model == nil ? nil : activeNow.flatMap { a in
                    VolunteersNeeded.need(forecastRequests: quarters.reduce(0) { $0 + $1.mean }, active: a,
                                          lastYearRequests: yearRequests, requestsPerVolunteer: requestsPerVolunteer)
                }
                out.append(.init(location: location, category: category, model: model, quarters: quarters,
                                 backtest: withheld == nil ? DemandForecast.backtest(counts, firstMonth: first, settings: settings) : nil,
                                 withheldBecause: withheld, active: activeNow, lastYear: lastYear, lastYearRequests: yearRequests,
                                 need: need, target: requestsPerVolunteer))
            }
        }
        return out
    }
}
