import Atlas
import Foundation
import Ingest
import Reports

/// The published counts of a table set as linked tables: every count of the match-history
/// tables (monthly, quarterly, supply/demand, breakdowns, distances and their histograms) with
/// every sum that ties them — the parts of a row, the locations to `all`, the months to the
/// quarter, the quarters to the year and the years to all, the categories to the help requests,
/// the bins to the matches, the shares within 1, 3 and 5 km to the bins below them — and every
/// statistic with the counts it is computed from. An empty count is a hidden one.
///
/// The same model serves the disclosure step (built from the tables in memory, before they are
/// written) and the audit (built from the files of a folder), so the audit checks exactly the
/// sums the protection was made for; the brute-force and adversarial tests check the model.
struct PublishedTablesModel {
    /// Where a cell is published: a table, a data row (0-based) and a column.
    struct Position: Hashable, Sendable {
        var file: String
        var row: Int
        var column: Int
    }

    /// A shown statistic (a rate, share, median or trend) and the counts it is computed from:
    /// with one of them hidden it would give that one away, so it may be shown only while all
    /// of them are.
    struct Statistic: Sendable {
        var position: Position
        var label: String
        var shown: Bool
        var inputs: [Int]
        /// The counts whose sum is the number of cases it is computed over (none: no such rule).
        var cases: [Int]
    }

    static let files = ["monthly.csv", "quarterly.csv", "trend.csv", "supply_demand.csv", "breakdowns.csv", "distances.csv",
                        "distance_histogram.csv", "distances_quarterly.csv", "distance_histogram_quarterly.csv"]
        + StudyTables.files + CampaignTables.files

    private(set) var tables = LinkedTables()
    /// Per cell, where it is published (none: a quantity no table shows, such as a quarter's
    /// help requests without a category, tied in by a sum).
    private(set) var positions: [[Position]] = []
    private(set) var statistics: [Statistic] = []
    /// The files the model was built from.
    private(set) var read: [String] = []
    /// The cells that stand for the matches within a distance: published as a share, not as a count.
    private(set) var withinCounts = Set<Int>()

    /// The model of `published` (tables it does not know are left out).
    init(_ published: [PublishedTable]) {
        let sheets = Dictionary(published.filter { Self.files.contains($0.file) }.map { ($0.file, Sheet($0)) },
                                uniquingKeysWith: { a, _ in a })
        read = Self.files.filter { sheets[$0] != nil }
        if let s = sheets["monthly.csv"] { monthly(s, trend: sheets["trend.csv"]) }
        if let s = sheets["quarterly.csv"] { quarterly(s) }
        if let s = sheets["breakdowns.csv"] { breakdowns(s) }
        if let s = sheets["supply_demand.csv"] { supply(s) }
        if let s = sheets["distances.csv"] { distances(s, histogram: sheets["distance_histogram.csv"]) }
        if let s = sheets["distances_quarterly.csv"] { distancesQuarterly(s, histogram: sheets["distance_histogram_quarterly.csv"]) }
        study(sheets)
        campaigns(sheets)
    }

    /// The model of the match-history tables in `folder`.
    static func read(folder: String) throws -> PublishedTablesModel { PublishedTablesModel(try tables(in: folder)) }

    /// The match-history tables of `folder` (those of `files` it has).
    static func tables(in folder: String, files: [String] = files) throws -> [PublishedTable] {
        var tables: [PublishedTable] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let reader = try CSVRecordReader(path: path)
            var rows: [[String]] = []
            while let record = try reader.next() { rows.append(record.fields) }
            tables.append(PublishedTable(file: file, header: reader.header, rows: rows))
        }
        return tables
    }

    /// Per file read, its counts and how many of them `tables` shows (the model's own by
    /// default); a count published in two files counts in both.
    func published(in tables: LinkedTables? = nil) -> [(file: String, shown: Int, cells: Int)] {
        let cells = (tables ?? self.tables).cells
        var shown: [String: Int] = [:], all: [String: Int] = [:]
        for (i, places) in positions.enumerated() {
            for file in Set(places.map(\.file)) {
                all[file, default: 0] += 1
                if cells[i].shown != nil { shown[file, default: 0] += 1 }
            }
        }
        return read.compactMap { f in all[f].map { (f, shown[f] ?? 0, $0) } }
    }

    /// The published counts (each once) and how many of them `tables` shows.
    func counts(in tables: LinkedTables? = nil) -> (shown: Int, published: Int) {
        let cells = (tables ?? self.tables).cells
        let published = positions.indices.filter { !positions[$0].isEmpty }
        return (published.filter { cells[$0].shown != nil }.count, published.count)
    }

    /// The share of published counts that `tables` shows.
    func publishedShare(in tables: LinkedTables? = nil) -> Double {
        let c = counts(in: tables)
        return c.published == 0 ? 1 : Double(c.shown) / Double(c.published)
    }

    /// The counts a statistic is computed from that `tables` hides (none: it may be shown).
    func hiddenInputs(of statistic: Statistic, in tables: LinkedTables? = nil) -> [Int] {
        let cells = (tables ?? self.tables).cells
        return statistic.inputs.filter { cells[$0].shown == nil }
    }

    /// A count as published: nil when hidden (empty).
    static func count(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        return Int(text) ?? Double(text).map { Int(saturating: $0.rounded()) }
    }

    // MARK: cells

    /// One table's rows, read by column name.
    struct Sheet {
        let table: PublishedTable
        let columns: [String: Int]

        init(_ table: PublishedTable) {
            self.table = table
            columns = Dictionary(table.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        }

        var rows: Range<Int> { table.rows.indices }

        func text(_ row: Int, _ column: String) -> String {
            guard let c = columns[column], c < table.rows[row].count else { return "" }
            return table.rows[row][c]
        }

        func position(_ row: Int, _ column: String) -> Position? {
            columns[column].map { Position(file: table.file, row: row, column: $0) }
        }
    }

    /// The cell of `key`, published at `row`/`column` of `sheet` with the count written there.
    @discardableResult
    mutating func cell(_ key: String, _ label: String, _ sheet: Sheet, _ row: Int, _ column: String) -> Int {
        cell(key, label, shown: Self.count(sheet.text(row, column)), at: sheet.position(row, column))
    }

    /// The cell of `key` with a value known from elsewhere (`shown`) or none (a quantity tied
    /// in by sums only), published at `position` if given.
    @discardableResult
    mutating func cell(_ key: String, _ label: String, shown: Int?, at position: Position? = nil) -> Int {
        let i = tables.cell(key, label: label, shown: shown)
        if i == positions.count { positions.append([]) }
        if let position, !positions[i].contains(position) { positions[i].append(position) }
        return i
    }

    mutating func statistic(_ sheet: Sheet, _ row: Int, _ column: String, label: String, inputs: [Int], cases: [Int]? = nil) {
        guard let position = sheet.position(row, column) else { return }
        statistics.append(Statistic(position: position, label: label, shown: !sheet.text(row, column).isEmpty, inputs: inputs,
                                    cases: cases ?? inputs))
    }

    func existing(_ key: String) -> Int? { tables.existing(key) }

    mutating func sum(_ total: Int, of parts: [Int]) { tables.sum(total, of: parts) }

    /// `total` = Σ `parts`, where a part no table publishes is a quantity of its own (≥ 0) and a
    /// missing total ties nothing.
    mutating func sum(_ total: Int?, ofKeys keys: [String]) {
        guard let total else { return }
        let parts = keys.compactMap(existing)
        if !parts.isEmpty { sum(total, of: parts) }
    }

    /// Locations add up to `all`: for each key of `all` (built by `key(location)`), Σ over the others.
    mutating func locationsAddUp(_ locations: Set<String>, keys: [(String) -> String]) {
        let all = Vocabulary.reservedLocation
        guard locations.contains(all) else { return }
        let others = locations.subtracting([all]).sorted()
        for key in keys {
            guard let total = existing(key(all)) else { continue }
            let parts = others.compactMap { existing(key($0)) }
            if !parts.isEmpty { sum(total, of: parts) }
        }
    }

    static func monthLabels(ofQuarter quarter: String) -> [String] {
        Quarter(label: quarter)?.monthIndices.map(Day.monthLabel) ?? []
    }

    // MARK: monthly.csv, quarterly.csv, trend.csv

    static let monthlyCounts = ["help_requests", "info_requests", "total"]
    static let quarterlyCounts = ["help_requests", "info_requests", "matched", "not_matched", "open", "total"]

    mutating func monthly(_ sheet: Sheet, trend: Sheet?) {
        var locations = Set<String>()
        var months: [String: Set<String>] = [:]
        var totals: [String: [Int]] = [:]
        for r in sheet.rows {
            let (location, month) = (sheet.text(r, "location"), sheet.text(r, "month"))
            locations.insert(location)
            months[location, default: []].insert(month)
            let c = Self.monthlyCounts.map { column in
                cell("m|\(column)|\(location)|\(month)", "monthly.csv: \(location) \(month) \(column)", sheet, r, column)
            }
            sum(c[2], of: [c[0], c[1]])
            totals[location, default: []].append(c[2])
        }
        // A least-squares line is two more sums of the location's monthly totals.
        for r in sheet.rows {
            let location = sheet.text(r, "location")
            statistic(sheet, r, "trend_total", label: "monthly.csv: \(location) \(sheet.text(r, "month")) trend_total",
                      inputs: totals[location] ?? [], cases: [])
        }
        for r in trend?.rows ?? 0..<0 {
            guard let trend else { break }
            let location = trend.text(r, "location")
            for column in ["slope_per_month", "intercept", "r_squared"] {
                statistic(trend, r, column, label: "trend.csv: \(location) \(column)", inputs: totals[location] ?? [], cases: [])
            }
        }
        for month in Set(months.values.flatMap { $0 }).sorted() {
            locationsAddUp(locations, keys: Self.monthlyCounts.map { column in { "m|\(column)|\($0)|\(month)" } })
        }
    }

    mutating func quarterly(_ sheet: Sheet) {
        var locations = Set<String>()
        var quarters = Set<String>()
        for r in sheet.rows {
            let (location, quarter) = (sheet.text(r, "location"), sheet.text(r, "quarter"))
            locations.insert(location)
            quarters.insert(quarter)
            let c = Self.quarterlyCounts.map { column in
                cell("q|\(column)|\(location)|\(quarter)", "quarterly.csv: \(location) \(quarter) \(column)", sheet, r, column)
            }
            sum(c[5], of: [c[0], c[1]])
            sum(c[0], of: [c[2], c[3], c[4]])
            statistic(sheet, r, "match_rate", label: "quarterly.csv: \(location) \(quarter) match_rate", inputs: [c[2], c[3]])
            // The quarter is the sum of its months (monthly.csv).
            for (k, column) in Self.quarterlyCounts.enumerated() where Self.monthlyCounts.contains(column) {
                sum(c[k], ofKeys: Self.monthLabels(ofQuarter: quarter).map { "m|\(column)|\(location)|\($0)" })
            }
        }
        for quarter in quarters.sorted() {
            locationsAddUp(locations, keys: Self.quarterlyCounts.map { column in { "q|\(column)|\($0)|\(quarter)" } })
        }
    }

    // MARK: breakdowns.csv

    /// The key of a breakdown cell: a quarter's kinds and outcomes are quarterly.csv's counts,
    /// the same quantities under the same key (one cell, published twice).
    static func breakdownKey(_ location: String, _ period: String, _ dimension: String, _ value: String) -> String {
        if period.contains("-") {
            switch (dimension, value) {
            case ("kind", "hulpvraag"): return "q|help_requests|\(location)|\(period)"
            case ("kind", "informatievraag"): return "q|info_requests|\(location)|\(period)"
            case ("outcome", "matched"), ("outcome", "not_matched"), ("outcome", "open"): return "q|\(value)|\(location)|\(period)"
            default: break
            }
        }
        return "b|\(location)|\(period)|\(dimension)|\(value)"
    }

    mutating func breakdowns(_ sheet: Sheet) {
        struct Group: Hashable { var location, period, dimension: String }
        var values: [Group: [String: Int]] = [:]
        var totals: [Group: Int] = [:]
        for r in sheet.rows {
            let g = Group(location: sheet.text(r, "location"), period: sheet.text(r, "period"), dimension: sheet.text(r, "dimension"))
            let value = sheet.text(r, "value")
            let name = "breakdowns.csv: \(g.location) \(g.period) \(g.dimension)"
            let count = cell(Self.breakdownKey(g.location, g.period, g.dimension, value), "\(name)=\(value)", sheet, r, "count")
            let total = cell("bt|\(g.location)|\(g.period)|\(g.dimension)", "\(name) total", sheet, r, "total")
            values[g, default: [:]][value] = count
            totals[g] = total
            statistic(sheet, r, "share", label: "\(name)=\(value) share", inputs: [count, total], cases: [total])
        }
        let all = Vocabulary.reservedLocation
        let groups = values.keys.sorted { ($0.location, $0.period, $0.dimension) < ($1.location, $1.period, $1.dimension) }
        let byLocationAndDimension = Dictionary(grouping: groups) { "\($0.location)|\($0.dimension)" }
        let byPeriodAndDimension = Dictionary(grouping: groups) { "\($0.period)|\($0.dimension)" }
        /// `g`'s cells (and total) are the sums of the same cells of `parts` (a value a part lacks is 0 there).
        func addUp(_ g: Group, _ parts: [Group]) {
            guard let cells = values[g], let total = totals[g], !parts.isEmpty else { return }
            for (value, c) in cells.sorted(by: { $0.key < $1.key }) { sum(c, of: parts.compactMap { values[$0]?[value] }) }
            sum(total, of: parts.compactMap { totals[$0] })
        }
        for g in groups {
            guard let cells = values[g], let total = totals[g] else { continue }
            sum(total, of: cells.keys.sorted().compactMap { cells[$0] })
            if g.location == all {
                addUp(g, (byPeriodAndDimension["\(g.period)|\(g.dimension)"] ?? []).filter { $0.location != all })
            }
            let periods = byLocationAndDimension["\(g.location)|\(g.dimension)"] ?? []
            if g.period == all {
                addUp(g, periods.filter { $0.period != all && !$0.period.contains("-") })
            } else if !g.period.contains("-") {
                addUp(g, periods.filter { $0.period.hasPrefix(g.period + "-") })
            }
        }
        // A period's kinds and outcomes are the months' (a year) or the quarter's counts (a
        // quarter); every help-request dimension has the same total.
        for g in groups where g.period != all {
            guard let cells = values[g], let total = totals[g] else { continue }
            let links: [(String, String)]
            switch g.dimension {
            case "kind": links = [("hulpvraag", "help_requests"), ("informatievraag", "info_requests")]
            case "outcome": links = [("matched", "matched"), ("not_matched", "not_matched"), ("open", "open")]
            default: links = []
            }
            for (value, column) in links where !g.period.contains("-") {  // a quarter's are quarterly.csv's cells
                let parts = (1...12).map { "m|\(column)|\(g.location)|\(g.period)-\(String(format: "%02d", $0))" }
                guard parts.contains(where: { existing($0) != nil }) else { continue }
                let c = cells[value] ?? cell(Self.breakdownKey(g.location, g.period, g.dimension, value),
                                             "breakdowns.csv: \(g.location) \(g.period) \(g.dimension)=\(value)", shown: 0)
                sum(c, ofKeys: parts)
            }
            if ["category", "requester_type", "outcome"].contains(g.dimension),
               let help = values[Group(location: g.location, period: g.period, dimension: "kind")]?["hulpvraag"] {
                tables.equal([total], [help])
            }
            if g.dimension == "organisation",
               let matched = values[Group(location: g.location, period: g.period, dimension: "outcome")]?["matched"] {
                tables.equal([total], [matched])
            }
        }
    }

    // MARK: supply_demand.csv

    static let supplyCounts = ["requests", "matched", "not_matched", "open", "active_helpers"]

    mutating func supply(_ sheet: Sheet) {
        struct Quarter: Hashable { var location, quarter: String }
        var locations = Set<String>()
        var keys = Set<String>()
        var byQuarter: [Quarter: [String: [Int]]] = [:]  // column → the categories' cells
        for r in sheet.rows {
            let (location, quarter, category) = (sheet.text(r, "location"), sheet.text(r, "period"), sheet.text(r, "category"))
            locations.insert(location)
            keys.insert("\(quarter)|\(category)")
            let name = "supply_demand.csv: \(location) \(quarter) \(category)"
            // A category's requests are the quarter's breakdown by category: one cell.
            let c = Self.supplyCounts.map { column in
                cell(column == "requests" ? Self.breakdownKey(location, quarter, "category", category)
                                          : "s|\(column)|\(location)|\(quarter)|\(category)",
                     "\(name) \(column)", sheet, r, column)
            }
            sum(c[0], of: [c[1], c[2], c[3]])
            statistic(sheet, r, "match_rate", label: "\(name) match_rate", inputs: [c[1], c[2]])
            statistic(sheet, r, "helpers_per_request", label: "\(name) helpers_per_request", inputs: [c[0], c[4]], cases: [c[0]])
            for (k, column) in Self.supplyCounts.enumerated() {
                byQuarter[Quarter(location: location, quarter: quarter), default: [:]][column, default: []].append(c[k])
            }
        }
        for key in keys.sorted() {
            let (quarter, category) = (String(key.prefix { $0 != "|" }), String(key.drop { $0 != "|" }.dropFirst()))
            locationsAddUp(locations, keys: Self.supplyCounts.map { column in
                column == "requests" ? { Self.breakdownKey($0, quarter, "category", category) } : { "s|\(column)|\($0)|\(key)" }
            })
        }
        // The categories and the help requests without one add up to the quarter's help requests
        // (and those without one are matched, not matched or open as well).
        for (q, columns) in byQuarter.sorted(by: { ($0.key.location, $0.key.quarter) < ($1.key.location, $1.key.quarter) }) {
            var unknowns: [Int] = []
            defer { if unknowns.count == 4 { sum(unknowns[0], of: Array(unknowns.dropFirst())) } }
            for (column, quarterColumn) in zip(Self.supplyCounts.prefix(4), ["help_requests", "matched", "not_matched", "open"]) {
                guard let total = existing("q|\(quarterColumn)|\(q.location)|\(q.quarter)") else { continue }
                let unknown: Int
                if column == "requests", existing("bt|\(q.location)|\(q.quarter)|category") != nil {
                    // breakdowns.csv shows them (a quarter without the value has none).
                    unknown = existing("b|\(q.location)|\(q.quarter)|category|unknown")
                        ?? cell("b|\(q.location)|\(q.quarter)|category|unknown",
                                "breakdowns.csv: \(q.location) \(q.quarter) category=unknown", shown: 0)
                } else {
                    unknown = cell("su|\(column)|\(q.location)|\(q.quarter)",
                                   "\(q.location) \(q.quarter) \(column) of help requests without a category (not published)",
                                   shown: nil)
                }
                unknowns.append(unknown)
                sum(total, of: (columns[column] ?? []) + [unknown])
            }
        }
    }

    // MARK: distances

    /// The bins that make up "within `km` km": bins are (start, end], 500 m wide.
    static func binsWithin(km: Int) -> Int { km * 2 }

    /// The matches within `km` km as a cell: the published share × the published matches (its
    /// own quantity, tied to the bins, when either is hidden).
    @discardableResult
    mutating func within(_ km: Int, key: String, label: String, _ sheet: Sheet, _ row: Int, matches: Int) -> Int {
        let column = "share_within_\(km)km"
        let shown = Double(sheet.text(row, column)).flatMap { share in
            tables.cells[matches].shown.map { Int(saturating: (share * Double($0)).rounded()) }
        }
        statistic(sheet, row, column, label: "\(label) \(column)", inputs: [matches])
        let c = cell(key, "\(label) matches within \(km) km (share × matches)", shown: shown, at: sheet.position(row, column))
        withinCounts.insert(c)
        return c
    }

    mutating func distances(_ sheet: Sheet, histogram: Sheet?) {
        var groups: [String: [String]] = [:]
        let kms = [1, 3, 5]
        for r in sheet.rows {
            let (grouping, group) = (sheet.text(r, "grouping"), sheet.text(r, "group"))
            groups[grouping, default: []].append(group)
            let label = "distances.csv: \(grouping)=\(group)"
            let matches = cell("d|\(grouping)|\(group)", "\(label) matches", sheet, r, "matches")
            cell("ds|\(grouping)|\(group)", "\(label) same_area_matches", sheet, r, "same_area_matches")
            for km in kms { within(km, key: "dw\(km)|\(grouping)|\(group)", label: label, sheet, r, matches: matches) }
            for column in ["median_m", "p75_m", "p90_m"] {
                statistic(sheet, r, column, label: "\(label) \(column)", inputs: [matches])
            }
        }
        var bins = Set<String>()
        for r in histogram?.rows ?? 0..<0 {
            guard let histogram else { break }
            let (grouping, group, bin) = (histogram.text(r, "grouping"), histogram.text(r, "group"), histogram.text(r, "bin_from_m"))
            bins.insert(bin)
            cell("h|\(grouping)|\(group)|\(bin)", "distance_histogram.csv: \(grouping)=\(group) from \(bin) m", histogram, r, "matches")
        }
        let binList = bins.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        for (grouping, names) in groups.sorted(by: { $0.key < $1.key }) {
            for group in names {
                sum(existing("d|\(grouping)|\(group)"), ofKeys: binList.map { "h|\(grouping)|\(group)|\($0)" })
                for km in kms {
                    sum(existing("dw\(km)|\(grouping)|\(group)"),
                        ofKeys: binList.prefix(Self.binsWithin(km: km)).map { "h|\(grouping)|\(group)|\($0)" })
                }
            }
        }
        // The groups of a grouping partition all matches, bin by bin and within each distance too.
        for (grouping, names) in groups.sorted(by: { $0.key < $1.key }) where grouping != "all" {
            for prefix in ["d", "ds"] + kms.map({ "dw\($0)" }) {
                sum(existing("\(prefix)|all|all"), ofKeys: names.map { "\(prefix)|\(grouping)|\($0)" })
            }
            for bin in binList {
                sum(existing("h|all|all|\(bin)"), ofKeys: names.map { "h|\(grouping)|\($0)|\(bin)" })
            }
        }
    }

    mutating func distancesQuarterly(_ sheet: Sheet, histogram: Sheet?) {
        var locations = Set<String>()
        var categories: [String: [String]] = [:]  // location|quarter → categories
        var quartersOf: [String: [String]] = [:]  // location → quarters
        for r in sheet.rows {
            let (location, quarter, category) = (sheet.text(r, "location"), sheet.text(r, "quarter"), sheet.text(r, "category"))
            locations.insert(location)
            if category == "all" { quartersOf[location, default: []].append(quarter) }
            else { categories["\(location)|\(quarter)", default: []].append(category) }
            let label = "distances_quarterly.csv: \(location) \(quarter) \(category)"
            let matches = cell("dq|\(location)|\(quarter)|\(category)", "\(label) matches", sheet, r, "matches")
            within(3, key: "dqw|\(location)|\(quarter)|\(category)", label: label, sheet, r, matches: matches)
            statistic(sheet, r, "median_m", label: "\(label) median_m", inputs: [matches])
        }
        var bins = Set<String>()
        for r in histogram?.rows ?? 0..<0 {
            guard let histogram else { break }
            let (location, quarter, bin) = (histogram.text(r, "location"), histogram.text(r, "quarter"), histogram.text(r, "bin_from_m"))
            bins.insert(bin)
            cell("hq|\(location)|\(quarter)|\(bin)", "distance_histogram_quarterly.csv: \(location) \(quarter) from \(bin) m",
                 histogram, r, "matches")
        }
        let binList = bins.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        let all = Vocabulary.reservedLocation
        for (location, quarters) in quartersOf.sorted(by: { $0.key < $1.key }) {
            for quarter in quarters {
                let lq = "\(location)|\(quarter)"
                for prefix in ["dq", "dqw"] {
                    sum(existing("\(prefix)|\(lq)|all"), ofKeys: (categories[lq] ?? []).map { "\(prefix)|\(lq)|\($0)" })
                }
                sum(existing("dq|\(lq)|all"), ofKeys: binList.map { "hq|\(lq)|\($0)" })
                sum(existing("dqw|\(lq)|all"), ofKeys: binList.prefix(Self.binsWithin(km: 3)).map { "hq|\(lq)|\($0)" })
            }
            // A location's quarters add up to its row of distances.csv; `all`'s quarter is that quarter's row.
            if location == all {
                for quarter in quarters {
                    for (prefix, whole) in [("dq", "d"), ("dqw", "dw3")] {
                        sum(existing("\(whole)|quarter|\(quarter)"), ofKeys: ["\(prefix)|\(all)|\(quarter)|all"])
                    }
                    for bin in binList { sum(existing("h|quarter|\(quarter)|\(bin)"), ofKeys: ["hq|\(all)|\(quarter)|\(bin)"]) }
                }
                for category in Set(categories.filter { $0.key.hasPrefix(all + "|") }.values.flatMap { $0 }).sorted() {
                    for (prefix, whole) in [("dq", "d"), ("dqw", "dw3")] {
                        sum(existing("\(whole)|category|\(category)"), ofKeys: quarters.map { "\(prefix)|\(all)|\($0)|\(category)" })
                    }
                }
            } else {
                for (prefix, whole) in [("dq", "d"), ("dqw", "dw3")] {
                    sum(existing("\(whole)|location|\(location)"), ofKeys: quarters.map { "\(prefix)|\(location)|\($0)|all" })
                }
                for bin in binList {
                    sum(existing("h|location|\(location)|\(bin)"), ofKeys: quarters.map { "hq|\(location)|\($0)|\(bin)" })
                }
            }
        }
        // Locations add up to all, quarter by quarter.
        let keys = Set(quartersOf.values.flatMap { $0 }).sorted()
        for quarter in keys {
            let categoryKeys = Set(categories.filter { $0.key.hasSuffix("|" + quarter) }.values.flatMap { $0 } + ["all"]).sorted()
            var forms: [(String) -> String] = []
            for category in categoryKeys {
                forms.append { "dq|\($0)|\(quarter)|\(category)" }
                forms.append { "dqw|\($0)|\(quarter)|\(category)" }
            }
            for bin in binList { forms.append { "hq|\($0)|\(quarter)|\(bin)" } }
            locationsAddUp(locations, keys: forms)
        }
    }
}
