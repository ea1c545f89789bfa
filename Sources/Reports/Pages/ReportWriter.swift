import Atlas
import Config
import Foundation

/// Writes the quarterly reports of a run and report_figures.csv (every number on every page).
public enum ReportWriter {
    public struct Written: Sendable {
        public var file: String
        public var location: LocationScope
        public var quarter: Quarter
    }

    /// The reports to write: every location and all locations together (or `only` these), for
    /// the chosen quarters; with a single location, that location's pages only.
    public static func plan(requests: [HelpRequest], quarters: ReportSettings.Quarters, locations only: [LocationScope]?) throws
        -> [QuarterReport] {
        guard let first = requests.map(\.createdAt.quarterIndex).min().map(Quarter.init(index:)),
              let last = requests.map(\.createdAt.quarterIndex).max().map(Quarter.init(index:))
        else { return [] }
        let known = Set(requests.map(\.location))
        for case let .named(name) in only ?? [] where !known.contains(name) {
            throw ReportError.unknownLocation(name, known: known.sorted())
        }
        // With one location the all-locations page would be the same page again.
        let locations = only ?? (known.count == 1 ? known.sorted().map(LocationScope.named)
                                                   : [.all] + known.sorted().map(LocationScope.named))
        let chosen: [Quarter]
        switch quarters {
        case .latest: chosen = [last]
        case .all: chosen = (first.index...last.index).map(Quarter.init(index:))
        case let .these(list):
            // A quarter without any request would be an empty report.
            for q in list where !(first...last).contains(q) {
                throw ReportError.quarterOutsideHistory(q.label, first: first.label, last: last.label)
            }
            chosen = list
        }
        return chosen.flatMap { q in locations.map { QuarterReport(location: $0, quarter: q) } }
    }

    public static func write(_ reports: [QuarterReport], data: ReportData, folder: String) throws -> [Written] {
        try createOutputFolder(folder)
        let latest = Quarter(index: data.requests.map(\.createdAt.quarterIndex).max() ?? 0)
        let slugs = QuarterReport.slugs(for: reports.map(\.location))
        // What every quarter of a location shares (its requests, supply rows, map) is prepared once per location.
        var position: [LocationScope: Int] = [:]
        var locations: [LocationScope] = []
        let scopeOf = reports.map { report -> Int in
            if let k = position[report.location] { return k }
            locations.append(report.location)
            position[report.location] = locations.count - 1
            return locations.count - 1
        }
        let scopes = Parallel.map(locations.count) { [locations] in ReportScope(locations[$0], data: data) }
        // Pages are independent: render and write them on all cores, then collect in order.
        let progress = Progress.sink
        progress.begin("reports", total: reports.count)
        defer { progress.end() }
        let pages = Parallel.map(reports.count) { k -> Result<(Written, [[String]]), ReportError> in
            defer { progress.advance(1) }
            let report = reports[k]
            let name = report.fileName(latest: latest, slugs: slugs)
            let page = report.render(data, scope: scopes[scopeOf[k]], fileName: name)
            do throws(ReportError) {
                try writeText(page.html, to: (folder as NSString).appendingPathComponent(name))
            } catch {
                return .failure(error)
            }
            return .success((Written(file: name, location: report.location, quarter: report.quarter), page.figures))
        }
        var written: [Written] = []
        var figureRows: [[String]] = []
        for page in pages {
            let (file, figures) = try page.get()
            written.append(file)
            figureRows += figures
        }
        try CSVFile.write(header: QuarterReport.figuresHeader, rows: figureRows,
                          to: (folder as NSString).appendingPathComponent("report_figures.csv"))
        return written
    }

    /// Writes text atomically (temporary file, then rename).
    public static func writeText(_ text: String, to path: String) throws(ReportError) {
        try OutputFile.write(Data(text.utf8), to: path)
    }
}
