import Foundation
import Ingest
import Reports

/// Every match-history figure of the report pages (report_figures.csv) against the protected
/// table cell it comes from: a page that shows a number its table hides, or a number no table
/// has, publishes outside the audited set.
enum PageFigureCheck {
    /// Per figure section: the table and how a figure's location, quarter and group name its row.
    static let sources: [String: (file: String, key: @Sendable (_ location: String, _ quarter: String, _ group: [String]) -> [String: String])] = [
        "quarterly": ("quarterly.csv", { l, _, g in ["location": l, "quarter": g[0]] }),
        "supply_demand": ("supply_demand.csv", { l, _, g in ["location": l, "period": g[0], "category": g.count > 1 ? g[1] : ""] }),
        "monthly": ("monthly.csv", { l, _, g in ["location": l, "month": g[0]] }),
        "breakdowns": ("breakdowns.csv", { l, q, g in ["location": l, "period": q, "dimension": g[0], "value": g.count > 1 ? g[1] : ""] }),
        "distances": ("distances_quarterly.csv", { l, q, g in ["location": l, "quarter": q, "category": g[0]] }),
        "distance_histogram": ("distance_histogram_quarterly.csv", { l, q, g in ["location": l, "quarter": q, "bin_from_m": g[0]] }),
        "forecast": ("forecast.csv", { l, _, g in ["location": l, "category": g[0], "quarter": g.count > 1 ? g[1] : ""] }),
        "volunteers_needed": ("volunteers_needed.csv", { l, _, g in ["location": l, "category": g[0]] }),
        // A campaign is not a location's: its name (which may hold "|") and the outcome.
        "campaign_effect": ("campaign_effect.csv", { _, _, g in ["campaign": g.dropLast().joined(separator: "|"), "outcome": g.last ?? ""] }),
    ]

    static func run(folder: String, tables: [PublishedTable]) throws -> [String] {
        let path = (folder as NSString).appendingPathComponent("report_figures.csv")
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        // The pages' sources that are not among `tables` (the forecast: a model's figures, not counts).
        let given = Set(tables.map(\.file))
        let tables = tables + (try PublishedTablesModel.tables(in: folder, files: sources.values.map(\.file).filter { !given.contains($0) }.sorted()))
        // Each table's rows by the values of its key columns.
        var rows: [String: [[String: String]: (header: [String], row: [String])]] = [:]
        for (_, source) in sources {
            guard let table = tables.first(where: { $0.file == source.file }) else { continue }
            let keyColumns = Set(source.key("", "", ["", ""]).keys)
            var byKey: [[String: String]: (header: [String], row: [String])] = [:]
            for row in table.rows {
                var key: [String: String] = [:]
                for (i, column) in table.header.enumerated() where keyColumns.contains(column) && i < row.count { key[column] = row[i] }
                byKey[key] = (table.header, row)
            }
            rows[source.file] = byKey
        }
        let reader = try CSVRecordReader(path: path)
        let column = Dictionary(reader.header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var findings: [String] = []
        while let record = try reader.next() {
            func field(_ name: String) -> String {
                column[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } ?? ""
            }
            guard let source = sources[field("section")] else { continue }
            let group = field("group").components(separatedBy: "|")
            let value = field("value")
            let place = "\(field("report")): \(field("section")) \(field("group")) \(field("measure"))"
            guard let found = rows[source.file]?[source.key(field("location"), field("quarter"), group)] else {
                if !value.isEmpty { findings.append("\(place) = \(value): shown on the page, but \(source.file) has no such row") }
                continue
            }
            let cell = found.header.firstIndex(of: field("measure")).flatMap { $0 < found.row.count ? found.row[$0] : nil }
            if cell != value {
                findings.append("\(place) = \(value.isEmpty ? "hidden" : value): \(source.file) has \(cell.map { $0.isEmpty ? "it hidden" : $0 } ?? "no such column")")
            }
        }
        return findings
    }
}
