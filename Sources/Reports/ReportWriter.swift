import Atlas
import Foundation

/// Writes the quarterly reports of a run and report_figures.csv (every number on every page).
public enum ReportWriter {
    public struct Written: Sendable {
        public var file: String
        public var location: String
        public var quarter: String
    }

    /// The reports to write: every location and all locations together, for the chosen quarters.
    public static func plan(requests: [HelpRequest], quarters: [String]?, locations only: [String]?) throws -> [QuarterReport] {
        guard let first = requests.map(\.createdAt.quarterIndex).min(), let last = requests.map(\.createdAt.quarterIndex).max()
        else { return [] }
        let known = Set(requests.map(\.location))
        for name in only ?? [] where name != QuarterReport.allLocations && !known.contains(name) {
            throw ReportError.unknownLocation(name, known: known.sorted())
        }
        let locations = only ?? ([QuarterReport.allLocations] + known.sorted())
        let indices: [Int]
        switch quarters {
        case nil: indices = [last]
        case let list?:
            if list == ["all"] { indices = Array(first...last) } else {
                indices = try list.map { label in
                    if label == "latest" { return last }
                    guard let q = quarterIndex(label) else { throw ReportError.badQuarter(label) }
                    // A quarter without any request would be an empty report.
                    guard (first...last).contains(q) else {
                        throw ReportError.quarterOutsideHistory(label, first: Day.quarterLabel(first), last: Day.quarterLabel(last))
                    }
                    return q
                }
            }
        }
        return indices.flatMap { q in locations.map { QuarterReport(location: $0, quarter: q) } }
    }

    static func quarterIndex(_ label: String) -> Int? {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let y = Int(parts[0]), parts[1].count == 2, parts[1].first == "Q",
              let q = Int(parts[1].dropFirst()), (1...4).contains(q) else { return nil }
        return y * 4 + q - 1
    }

    public static func write(_ reports: [QuarterReport], data: ReportData, folder: String) throws -> [Written] {
        try createOutputFolder(folder)
        let latest = data.requests.map(\.createdAt.quarterIndex).max() ?? 0
        let slugs = QuarterReport.slugs(for: reports.map(\.location))
        // Pages are independent: render and write them on all cores, then collect in order.
        let pages = Parallel.map(reports.count) { k -> Result<(Written, [[String]]), ReportError> in
            let report = reports[k]
            let name = report.fileName(latest: latest, slugs: slugs)
            let page = report.render(data, fileName: name)
            do throws(ReportError) {
                try writeText(page.html, to: (folder as NSString).appendingPathComponent(name))
            } catch {
                return .failure(error)
            }
            return .success((Written(file: name, location: report.location, quarter: report.quarterLabel), page.figures))
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
