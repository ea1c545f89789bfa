import Atlas

/// The protected match-history tables of a run, looked up by what a report page asks for: the
/// pages show these cells and nothing else, so that what a page shows is what the audit checked.
public struct MatchTables: Sendable {
    private var quarterly: [String: PublishedRow<QuarterlyTable.Column>] = [:]
    private var supply: [String: PublishedRow<SupplyDemandTable.Column>] = [:]
    private var monthly: [String: [PublishedRow<MonthlyTable.Column>]] = [:]
    private var breakdowns: [String: [PublishedRow<BreakdownsTable.Column>]] = [:]
    private var distances: [String: [PublishedRow<DistancesQuarterlyTable.Column>]] = [:]
    private var histogram: [String: [PublishedRow<DistancesQuarterlyTable.HistogramColumn>]] = [:]
    private var effects: [PublishedRow<CampaignTables.EffectColumn>] = []
    private var targeted: [String: Set<String>] = [:]
    private var forecast: [String: [PublishedRow<ForecastTables.ForecastColumn>]] = [:]
    private var needs: [String: [PublishedRow<ForecastTables.NeedColumn>]] = [:]

    public init(_ tables: [PublishedTable]) {
        for table in tables {
            switch table.file {
            case "quarterly.csv":
                for r in table.rows.map(PublishedRow<QuarterlyTable.Column>.init) { quarterly[Self.key(r[.location], r[.quarter])] = r }
            case "supply_demand.csv":
                for r in table.rows.map(PublishedRow<SupplyDemandTable.Column>.init) {
                    supply[Self.key(r[.location], r[.period], r[.category])] = r
                }
            case "monthly.csv":
                for r in table.rows.map(PublishedRow<MonthlyTable.Column>.init) { monthly[r[.location], default: []].append(r) }
            case "breakdowns.csv":
                for r in table.rows.map(PublishedRow<BreakdownsTable.Column>.init) {
                    breakdowns[Self.key(r[.location], r[.period], r[.dimension]), default: []].append(r)
                }
            case "distances_quarterly.csv":
                for r in table.rows.map(PublishedRow<DistancesQuarterlyTable.Column>.init) {
                    distances[Self.key(r[.location], r[.quarter]), default: []].append(r)
                }
            case "distance_histogram_quarterly.csv":
                for r in table.rows.map(PublishedRow<DistancesQuarterlyTable.HistogramColumn>.init) {
                    histogram[Self.key(r[.location], r[.quarter]), default: []].append(r)
                }
            case CampaignTables.files[0]:
                effects = table.rows.map(PublishedRow<CampaignTables.EffectColumn>.init)
            case CampaignTables.files[3]:
                for r in table.rows.map(PublishedRow<CampaignTables.AreaColumn>.init) where r[.role] == "targeted" {
                    targeted[r[.campaign], default: []].insert(r[.code])
                }
            case ForecastTables.files[0]:
                for r in table.rows.map(PublishedRow<ForecastTables.ForecastColumn>.init) { forecast[r[.location], default: []].append(r) }
            case ForecastTables.files[1]:
                for r in table.rows.map(PublishedRow<ForecastTables.NeedColumn>.init) { needs[r[.location], default: []].append(r) }
            default: continue
            }
        }
    }

    private static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    /// The location's name in the tables (`all` for all locations).
    static func name(_ location: LocationScope) -> String { location == .all ? Vocabulary.reservedLocation : location.label }

    public func quarter(_ location: LocationScope, _ quarter: Quarter) -> PublishedRow<QuarterlyTable.Column>? {
        quarterly[Self.key(Self.name(location), quarter.label)]
    }

    public func supply(_ location: LocationScope, _ quarter: Quarter, _ category: Category) -> PublishedRow<SupplyDemandTable.Column>? {
        supply[Self.key(Self.name(location), quarter.label, category.rawValue)]
    }

    /// The location's months, in order.
    public func months(_ location: LocationScope) -> [PublishedRow<MonthlyTable.Column>] { monthly[Self.name(location)] ?? [] }

    /// The rows of one dimension in one period ("2023", "2023-Q2", "all").
    public func breakdown(_ location: LocationScope, period: String, dimension: String) -> [PublishedRow<BreakdownsTable.Column>] {
        breakdowns[Self.key(Self.name(location), period, dimension)] ?? []
    }

    /// The quarter's distances: `all` first, then the categories.
    public func distances(_ location: LocationScope, _ quarter: Quarter) -> [PublishedRow<DistancesQuarterlyTable.Column>] {
        distances[Self.key(Self.name(location), quarter.label)] ?? []
    }

    public func histogram(_ location: LocationScope, _ quarter: Quarter) -> [PublishedRow<DistancesQuarterlyTable.HistogramColumn>] {
        histogram[Self.key(Self.name(location), quarter.label)] ?? []
    }

    /// The campaign estimates (campaign_effect.csv), a row per campaign and outcome, in order.
    public var campaignEffects: [PublishedRow<CampaignTables.EffectColumn>] { effects }

    /// The areas a campaign delivered flyers to (campaign_areas.csv).
    public func targetedAreas(_ campaign: String) -> Set<String> { targeted[campaign] ?? [] }

    /// The location's forecast rows (forecast.csv), per category its next four quarters in order.
    public func forecast(_ location: LocationScope) -> [PublishedRow<ForecastTables.ForecastColumn>] { forecast[Self.name(location)] ?? [] }

    /// The location's volunteers needed per category (volunteers_needed.csv).
    public func volunteersNeeded(_ location: LocationScope) -> [PublishedRow<ForecastTables.NeedColumn>] { needs[Self.name(location)] ?? [] }
}
