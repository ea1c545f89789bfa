import Atlas
import Reports

/// The study tables in the linked model: their own sums (a row's parts, the categories and
/// subcategories to all help requests, the months to the period, the values of a dimension to
/// its base, the years to the period, the churches to the matches), and the links to the
/// match-history tables: a whole month of the period is monthly.csv's cell, a part of a month
/// or of a quarter is a quantity of its own that with the rest of it makes up the published
/// month or quarter (quarterly.csv, breakdowns.csv, supply_demand.csv). docs/METHOD.md §8, §12.
extension PublishedTablesModel {
    static let monthCounts = [("info_requests", "info"), ("help_requests", "help"), ("total", "questions")]

    mutating func study(_ sheets: [String: Sheet]) {
        guard let summary = sheets["study_summary.csv"], let r = summary.rows.first else { return }
        let location = summary.text(r, "location")
        let period = (try? Day(parsing: summary.text(r, "from"))).flatMap { from in
            (try? Day(parsing: summary.text(r, "to"))).map { StudyPeriod(from: from, to: $0, location: location) }
        }
        let quarters = period?.quarters ?? []
        let name = "study_summary.csv:"
        let questions = cell("st|questions", "\(name) questions", summary, r, "questions")
        let info = cell("st|info", "\(name) info_requests", summary, r, "info_requests")
        let help = cell("st|help", "\(name) help_requests", summary, r, "help_requests")
        let referred = cell("st|referred", "\(name) referred", summary, r, "referred")
        sum(questions, of: [info, help])

        var fittedTotals: [Int] = []
        var helpByYear: [String: [Int]] = [:]  // the period's help requests of a year, by month
        if let months = sheets["study_monthly.csv"] {
            var columns: [String: [Int]] = [:]
            for m in months.rows {
                let month = months.text(m, "month")
                let partial = months.text(m, "partial") == "1"
                var c: [String: Int] = [:]
                for (column, _) in Self.monthCounts {
                    let label = "study_monthly.csv: \(month) \(column)"
                    let whole = "m|\(column)|\(location)|\(month)"
                    if partial {
                        let part = cell("sm|\(column)|\(month)", label, months, m, column)
                        if let published = existing(whole) {
                            sum(published, of: [part, cell("smr|\(column)|\(month)", "\(month) \(column) outside the study period "
                                                           + "(not published)", shown: nil)])
                        }
                        c[column] = part
                    } else {
                        c[column] = cell(whole, label, months, m, column)
                    }
                    columns[column, default: []].append(c[column]!)
                }
                sum(c["total"]!, of: [c["info_requests"]!, c["help_requests"]!])
                if !partial { fittedTotals.append(c["total"]!) }
                helpByYear[String(month.prefix(4)), default: []].append(c["help_requests"]!)
            }
            for (column, key) in Self.monthCounts {
                if let total = existing("st|\(key)"), let parts = columns[column] { sum(total, of: parts) }
            }
            for m in months.rows {
                statistic(months, m, "trend_total", label: "study_monthly.csv: \(months.text(m, "month")) trend_total",
                          inputs: fittedTotals, cases: [])
            }
        }
        if let trend = sheets["study_trend.csv"] {
            for t in trend.rows {
                for column in ["slope_per_month", "slope_low", "slope_high", "intercept", "r_squared"] {
                    statistic(trend, t, column, label: "study_trend.csv: \(column)", inputs: fittedTotals, cases: [])
                }
            }
        }

        var matchedOf: [String: Int] = [:]  // group of the outcomes (all or a category) → its matched cell
        var inside: [String: [String: Int]] = [:]  // a linked study count → its parts in the quarters the period cuts
        var categoryNames: [String] = []
        var dimensionValues: [String: [String]] = [:]
        if let outcomes = sheets["study_outcomes.csv"] {
            let columns = ["requests", "matched", "not_matched", "open"]
            var all: [String: Int] = [:]
            var byGrouping: [String: [String: [Int]]] = [:]
            var rows: [(row: Int, cells: [String: Int])] = []
            for o in outcomes.rows {
                let (grouping, group) = (outcomes.text(o, "grouping"), outcomes.text(o, "group"))
                let label = "study_outcomes.csv: \(grouping)=\(group)"
                var c: [String: Int] = [:]
                for column in columns {
                    let key = grouping == "all" && column == "requests" ? "st|help" : "so|\(column)|\(grouping)|\(group)"
                    c[column] = cell(key, "\(label) \(column)", outcomes, o, column)
                }
                sum(c["requests"]!, of: [c["matched"]!, c["not_matched"]!, c["open"]!])
                if grouping == "all" { all = c; matchedOf["all"] = c["matched"] } else {
                    for column in columns { byGrouping[grouping, default: [:]][column, default: []].append(c[column]!) }
                }
                if grouping == "category" {
                    matchedOf[group] = c["matched"]
                    categoryNames.append(group)
                    inside["category \(group) requests"] = linkQuarters(c["requests"]!, quarters, name: "category \(group) requests") {
                        Self.breakdownKey(location, $0, "category", group)
                    }
                    for column in columns.dropFirst() {
                        inside["category \(group) \(column)"] = linkQuarters(c[column]!, quarters, name: "category \(group) \(column)") {
                            "s|\(column)|\(location)|\($0)|\(group)"
                        }
                    }
                }
                rows.append((o, c))
            }
            for (grouping, parts) in byGrouping.sorted(by: { $0.key < $1.key }) {
                for column in columns {
                    guard let total = all[column] else { continue }
                    var cells = parts[column] ?? []
                    // Help requests without a subcategory (or with one no table names) are not published.
                    if grouping == "subcategory" {
                        cells.append(cell("sou|\(column)", "help requests \(column) without a published subcategory (not published)",
                                          shown: nil))
                    }
                    sum(total, of: cells)
                }
            }
            for column in columns.dropFirst() {
                if let c = all[column] {
                    inside["all \(column)"] = linkQuarters(c, quarters, name: "all \(column)") { "q|\(column)|\(location)|\($0)" }
                }
            }
            for (o, c) in rows {
                let label = "study_outcomes.csv: \(outcomes.text(o, "grouping"))=\(outcomes.text(o, "group"))"
                statistic(outcomes, o, "share", label: "\(label) share", inputs: [c["requests"]!, help], cases: [help])
                for column in ["match_rate", "match_rate_low", "match_rate_high"] {
                    statistic(outcomes, o, column, label: "\(label) \(column)", inputs: [c["matched"]!, c["not_matched"]!])
                }
                statistic(outcomes, o, "median_days_to_match", label: "\(label) median_days_to_match", inputs: [c["matched"]!])
            }
        }

        if let breakdowns = sheets["study_breakdowns.csv"] {
            struct Group: Hashable { var period, dimension: String }
            var values: [Group: [String: Int]] = [:]
            var known: [Group: Int] = [:]
            for b in breakdowns.rows {
                let g = Group(period: breakdowns.text(b, "period"), dimension: breakdowns.text(b, "dimension"))
                let value = breakdowns.text(b, "value")
                let label = "study_breakdowns.csv: \(g.period) \(g.dimension)"
                let count = cell("sb|\(g.period)|\(g.dimension)|\(value)", "\(label)=\(value)", breakdowns, b, "count")
                let k = cell("sbk|\(g.period)|\(g.dimension)", "\(label) known", breakdowns, b, "known")
                values[g, default: [:]][value] = count
                known[g] = k
                statistic(breakdowns, b, "share", label: "\(label)=\(value) share", inputs: [count, k], cases: [k])
            }
            for (g, cells) in values.sorted(by: { ($0.key.period, $0.key.dimension) < ($1.key.period, $1.key.dimension) }) {
                guard let k = known[g] else { continue }
                sum(k, of: cells.filter { $0.key != Study.unknown }.sorted(by: { $0.key < $1.key }).map(\.value))
                let base: Int?
                switch g.dimension {
                case "organisation": base = matchedOf["all"]
                case "referral_kind": base = referred
                default: base = g.period == Study.periodLabel ? help : nil
                }
                if let base { sum(base, of: [k] + (cells[Study.unknown].map { [$0] } ?? [])) }
                // A year's values add up, across the years, to the period's.
                if g.period == Study.periodLabel {
                    let years = values.keys.filter { $0.dimension == g.dimension && $0.period != Study.periodLabel }
                    for (value, c) in cells.sorted(by: { $0.key < $1.key }) where !years.isEmpty {
                        sum(c, ofKeys: years.map { "sb|\($0.period)|\(g.dimension)|\(value)" })
                    }
                }
                guard ["requester_type", "organisation"].contains(g.dimension) else { continue }
                let inPeriod = g.period == Study.periodLabel ? quarters : quarters.filter { $0.label.hasPrefix(g.period + "-") }
                for (value, c) in cells.sorted(by: { $0.key < $1.key }) {
                    // One name for the period's and the year's cell: a cut quarter's part is one quantity.
                    let parts = linkQuarters(c, inPeriod, name: "\(g.dimension) \(value)") {
                        Self.breakdownKey(location, $0, g.dimension, value)
                    }
                    inside["\(g.dimension) \(value)", default: [:]].merge(parts) { a, _ in a }
                    if dimensionValues[g.dimension]?.contains(value) != true { dimensionValues[g.dimension, default: []].append(value) }
                }
            }
            // A year's requester types (known or not) are its help requests: the year's months.
            for (g, cells) in values.sorted(by: { $0.key.period < $1.key.period })
            where g.dimension == "requester_type" && g.period != Study.periodLabel {
                guard let months = helpByYear[g.period] else { continue }
                let year = cell("sy|\(g.period)|help", "help requests of \(g.period) in the study period (the months' sum)", shown: nil)
                sum(year, of: months)
                sum(year, of: cells.sorted(by: { $0.key < $1.key }).map(\.value))
            }
        }

        tieCutQuarters(inside, categories: categoryNames, values: dimensionValues)

        if let churches = sheets["church_overview.csv"] {
            var byCategory: [String: [Int]] = [:]
            var totals: [String: Int] = [:]
            var parts: [String: [Int]] = [:]
            for r in churches.rows {
                let (church, category) = (churches.text(r, "church"), churches.text(r, "category"))
                let c = cell("ch|\(church)|\(category)", "church_overview.csv: \(church) \(category) answered", churches, r, "answered")
                if category == "all" {
                    totals[church] = c
                    cell("chv|\(church)", "church_overview.csv: \(church) volunteers", churches, r, "volunteers")
                } else {
                    parts[church, default: []].append(c)
                }
                byCategory[category, default: []].append(c)
            }
            for (church, total) in totals.sorted(by: { $0.key < $1.key }) { sum(total, of: parts[church] ?? []) }
            // The churches' answered requests and those of volunteers without one are the matches.
            for (category, cells) in byCategory.sorted(by: { $0.key < $1.key }) {
                guard let matched = matchedOf[category] else { continue }
                sum(matched, of: cells + [cell("chu|\(category)", "matched \(category) by volunteers without a church (not published)",
                                               shown: nil)])
            }
        }
    }

    /// `c`, a count over the study period, is the sum over the quarters it touches of the
    /// quarter's cell (`key(quarter)`): the whole cell for a quarter wholly inside the period,
    /// else a part of it, an unpublished quantity that with the rest of the quarter makes up the
    /// quarter's cell. Quarters without a cell have none of these requests.
    /// Returns the parts inside the period, by quarter (for the sums among them).
    @discardableResult
    mutating func linkQuarters(_ c: Int, _ quarters: [(label: String, whole: Bool)], name: String,
                               key: (String) -> String) -> [String: Int] {
        var parts: [Int] = []
        var insideParts: [String: Int] = [:]
        var linked = false
        for q in quarters {
            guard let whole = existing(key(q.label)) else { continue }
            linked = true
            if q.whole { parts.append(whole); continue }
            let inside = cell("sqi|\(name)|\(q.label)", "\(name) in \(q.label) within the study period (not published)", shown: nil)
            let outside = cell("sqo|\(name)|\(q.label)", "\(name) in \(q.label) outside the study period (not published)", shown: nil)
            sum(whole, of: [inside, outside])
            parts.append(inside)
            insideParts[q.label] = inside
        }
        if linked { sum(c, of: parts) }
        return insideParts
    }

    /// The parts of a cut quarter add up as the whole counts do: a category's requests are its
    /// outcomes, the categories' outcomes are all outcomes, the requester types are the
    /// categories' requests, the organisations are all matched.
    mutating func tieCutQuarters(_ inside: [String: [String: Int]], categories: [String], values: [String: [String]]) {
        let quarters = Set(inside.values.flatMap(\.keys)).sorted()
        let outcomes = ["matched", "not_matched", "open"]
        for q in quarters {
            func part(_ name: String) -> Int? { inside[name]?[q] }
            for category in categories {
                if let requests = part("category \(category) requests") {
                    let parts = outcomes.compactMap { part("category \(category) \($0)") }
                    if !parts.isEmpty { sum(requests, of: parts) }
                }
            }
            for column in outcomes {
                if let all = part("all \(column)") { sum(all, of: categories.compactMap { part("category \($0) \(column)") }) }
            }
            let helpParts = categories.compactMap { part("category \($0) requests") }
            if let types = values["requester_type"], !helpParts.isEmpty {
                let typeParts = types.compactMap { part("requester_type \($0)") }
                if !typeParts.isEmpty {
                    let help = cell("sqh|\(q)", "help requests in \(q) within the study period (not published)", shown: nil)
                    sum(help, of: helpParts)
                    sum(help, of: typeParts)
                }
            }
            if let organisations = values["organisation"], let matched = part("all matched") {
                let parts = organisations.compactMap { part("organisation \($0)") }
                if !parts.isEmpty { sum(matched, of: parts) }
            }
        }
    }
}
