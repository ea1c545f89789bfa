import Atlas
import Foundation
import Ingest

/// The published counts of a run folder as linked tables, for the interval audit: monthly.csv,
/// supply_demand.csv, breakdowns.csv, distances.csv and distance_histogram.csv, with every sum
/// that ties them (the parts of a row, the locations to `all`, the months and quarters to the
/// year, the bins to the matches). An empty count is a hidden one.
enum PublishedTablesModel {
    static let files = ["monthly.csv", "supply_demand.csv", "breakdowns.csv", "distances.csv", "distance_histogram.csv"]

    struct Table {
        var file: String
        var rows: [[String: String]]
    }

    /// The linked tables of `folder` (files it does not have are left out) and the files read.
    static func read(folder: String) throws -> (tables: LinkedTables, files: [String]) {
        var read: [String: Table] = [:]
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let reader = try CSVRecordReader(path: path)
            var rows: [[String: String]] = []
            while let record = try reader.next() {
                rows.append(Dictionary(zip(reader.header, record.fields), uniquingKeysWith: { a, _ in a }))
            }
            read[file] = Table(file: file, rows: rows)
        }
        var model = LinkedTables()
        if let t = read["monthly.csv"] { monthly(t, into: &model) }
        if let t = read["breakdowns.csv"] { breakdowns(t, into: &model) }
        if let t = read["supply_demand.csv"] { supply(t, into: &model) }
        if let t = read["distances.csv"] { distances(t, histogram: read["distance_histogram.csv"], into: &model) }
        return (model, files.filter { read[$0] != nil })
    }

    /// A count as published: nil when hidden (empty).
    static func count(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        return Int(text) ?? Double(text).map { Int(saturating: $0.rounded()) }
    }

    static let monthlyCounts = ["help_requests", "info_requests", "matched", "not_matched", "open", "total"]

    static func monthly(_ table: Table, into model: inout LinkedTables) {
        var locations = Set<String>()
        var months = Set<String>()
        for row in table.rows {
            let (location, month) = (row["location"] ?? "", row["month"] ?? "")
            locations.insert(location)
            months.insert(month)
            let c = monthlyCounts.map { column in
                model.cell("m|\(column)|\(location)|\(month)", label: "monthly.csv: \(location) \(month) \(column)",
                           shown: count(row[column]))
            }
            // help, info, matched, not matched, open, total
            model.sum(c[5], of: [c[0], c[1]])
            model.sum(c[0], of: [c[2], c[3], c[4]])
        }
        // The locations add up to `all`, month by month.
        guard locations.contains(Vocabulary.reservedLocation) else { return }
        for month in months.sorted() {
            for column in monthlyCounts {
                guard let all = model.existing("m|\(column)|\(Vocabulary.reservedLocation)|\(month)") else { continue }
                model.sum(all, of: locations.sorted().filter { $0 != Vocabulary.reservedLocation }
                    .compactMap { model.existing("m|\(column)|\($0)|\(month)") })
            }
        }
    }

    /// The monthly cells of a location in a year (months without a row hold nothing).
    static func monthsOf(_ column: String, location: String, year: String, model: LinkedTables) -> [Int] {
        (1...12).compactMap { model.existing("m|\(column)|\(location)|\(year)-\(String(format: "%02d", $0))") }
    }

    static func breakdowns(_ table: Table, into model: inout LinkedTables) {
        struct Group: Hashable { var location, period, dimension: String }
        var values: [Group: [String: Int]] = [:]
        var totals: [Group: Int] = [:]
        for row in table.rows {
            let g = Group(location: row["location"] ?? "", period: row["period"] ?? "", dimension: row["dimension"] ?? "")
            let value = row["value"] ?? ""
            values[g, default: [:]][value] = model.cell("b|\(g.location)|\(g.period)|\(g.dimension)|\(value)",
                                                        label: "breakdowns.csv: \(g.location) \(g.period) \(g.dimension)=\(value)",
                                                        shown: count(row["count"]))
            totals[g] = model.cell("bt|\(g.location)|\(g.period)|\(g.dimension)",
                                   label: "breakdowns.csv: \(g.location) \(g.period) \(g.dimension) total", shown: count(row["total"]))
        }
        let all = Vocabulary.reservedLocation
        let groups = values.keys.sorted { ($0.location, $0.period, $0.dimension) < ($1.location, $1.period, $1.dimension) }
        for g in groups {
            guard let cells = values[g], let total = totals[g] else { continue }
            model.sum(total, of: cells.keys.sorted().compactMap { cells[$0] })
            // Locations add up to all.
            if g.location == all {
                let parts = groups.filter { $0.location != all && $0.period == g.period && $0.dimension == g.dimension }
                for (value, cell) in cells.sorted(by: { $0.key < $1.key }) { model.sum(cell, of: parts.compactMap { values[$0]?[value] }) }
                model.sum(total, of: parts.compactMap { totals[$0] })
            }
            // Years add up to the all-years period.
            if g.period == all {
                let years = groups.filter { $0.location == g.location && $0.period != all && $0.dimension == g.dimension }
                for (value, cell) in cells.sorted(by: { $0.key < $1.key }) { model.sum(cell, of: years.compactMap { values[$0]?[value] }) }
                model.sum(total, of: years.compactMap { totals[$0] })
            }
        }
        // A year's kinds and outcomes are its months' counts; every help-request dimension has the same total.
        for g in groups where g.period != all {
            guard let cells = values[g], let total = totals[g] else { continue }
            let links: [(String, String)]
            switch g.dimension {
            case "kind": links = [("hulpvraag", "help_requests"), ("informatievraag", "info_requests")]
            case "outcome": links = [("matched", "matched"), ("not_matched", "not_matched"), ("open", "open")]
            default: links = []
            }
            for (value, column) in links {
                let months = monthsOf(column, location: g.location, year: g.period, model: model)
                guard !months.isEmpty else { continue }
                model.sum(cells[value] ?? model.cell("b0|\(g.location)|\(g.period)|\(g.dimension)|\(value)",
                                                      label: "breakdowns.csv: \(g.location) \(g.period) \(g.dimension)=\(value)",
                                                      shown: 0), of: months)
            }
            if ["category", "requester_type", "outcome"].contains(g.dimension),
               let help = values[Group(location: g.location, period: g.period, dimension: "kind")]?["hulpvraag"] {
                model.equal([total], [help])
            }
            if g.dimension == "organisation",
               let matched = values[Group(location: g.location, period: g.period, dimension: "outcome")]?["matched"] {
                model.equal([total], [matched])
            }
        }
    }

    static let supplyCounts = ["requests", "matched", "not_matched", "open"]

    static func supply(_ table: Table, into model: inout LinkedTables) {
        struct YearCategory: Hashable { var location, year: String; var category: String }
        var byYear: [YearCategory: [Int]] = [:]
        for row in table.rows {
            let (location, period, category) = (row["location"] ?? "", row["period"] ?? "", row["category"] ?? "")
            let c = supplyCounts.map { column in
                model.cell("s|\(column)|\(location)|\(period)|\(category)",
                           label: "supply_demand.csv: \(location) \(period) \(category) \(column)", shown: count(row[column]))
            }
            // requests = matched + not matched + open
            model.sum(c[0], of: [c[1], c[2], c[3]])
            byYear[YearCategory(location: location, year: String(period.prefix(4)), category: category), default: []].append(c[0])
        }
        // The quarters of a year add up to the year's requests of the category (breakdowns.csv).
        for (key, quarters) in byYear.sorted(by: { ($0.key.location, $0.key.year, $0.key.category) < ($1.key.location, $1.key.year, $1.key.category) }) {
            guard let year = model.existing("b|\(key.location)|\(key.year)|category|\(key.category)") else { continue }
            model.sum(year, of: quarters)
        }
    }

    static func distances(_ table: Table, histogram: Table?, into model: inout LinkedTables) {
        var groups: [String: [String]] = [:]
        for row in table.rows {
            let (grouping, group) = (row["grouping"] ?? "", row["group"] ?? "")
            groups[grouping, default: []].append(group)
            model.cell("d|\(grouping)|\(group)", label: "distances.csv: \(grouping)=\(group) matches", shown: count(row["matches"]))
            model.cell("ds|\(grouping)|\(group)", label: "distances.csv: \(grouping)=\(group) same_area_matches",
                       shown: count(row["same_area_matches"]))
        }
        var bins = Set<String>()
        for row in histogram?.rows ?? [] {
            let (grouping, group, bin) = (row["grouping"] ?? "", row["group"] ?? "", row["bin_from_m"] ?? "")
            bins.insert(bin)
            model.cell("h|\(grouping)|\(group)|\(bin)", label: "distance_histogram.csv: \(grouping)=\(group) from \(bin) m",
                       shown: count(row["matches"]))
        }
        // The bins of a group add up to its matches.
        let binList = bins.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        for (grouping, names) in groups.sorted(by: { $0.key < $1.key }) {
            for group in names {
                guard let matches = model.existing("d|\(grouping)|\(group)") else { continue }
                model.sum(matches, of: binList.compactMap { model.existing("h|\(grouping)|\(group)|\($0)") })
            }
        }
        // The groups of a grouping partition all matches, bin by bin too.
        guard let all = model.existing("d|all|all") else { return }
        for (grouping, names) in groups.sorted(by: { $0.key < $1.key }) where grouping != "all" {
            model.sum(all, of: names.compactMap { model.existing("d|\(grouping)|\($0)") })
            if let same = model.existing("ds|all|all") {
                model.sum(same, of: names.compactMap { model.existing("ds|\(grouping)|\($0)") })
            }
            for bin in binList {
                guard let total = model.existing("h|all|all|\(bin)") else { continue }
                model.sum(total, of: names.compactMap { model.existing("h|\(grouping)|\($0)|\(bin)") })
            }
        }
    }
}
