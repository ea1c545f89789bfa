import Foundation
import Ingest

/// The summary an area ingest prints: counts that add up, and every unmatched code listed.
enum IngestSummaryText {
    static func areas(_ s: AreaIngestSummary, store: String) -> String {
        var out: [String] = []
        out.append("Stored \(s.areasStored) \(s.level.rawValue) areas for \(s.year) in \(store) "
                   + "(from \(s.sourceCRS) to EPSG:28992; population \(Int(s.population)))")
        for f in s.files {
            out.append("  \(f.role) \(f.file): \(f.read) read = \(f.accepted) accepted + \(f.rejected) rejected")
        }
        for j in s.statisticsJoined {
            out.append("  statistics rows joined to an area: \(j.joined) (\(j.file))")
        }
        if !s.statisticsJoined.isEmpty {
            out.append(list("codes with statistics but no geometry", s.codesWithoutGeometry))
            out.append(list("areas with geometry but no statistics", s.areasWithoutStatistics))
        }
        if !s.areasWithoutShape.isEmpty {
            out.append(list("areas kept without a shape (no usable geometry; not on maps)", s.areasWithoutShape))
        }
        if !s.repairedGeometries.isEmpty {
            out.append(list("invalid geometries repaired (GEOS MakeValid)", s.repairedGeometries))
        }
        let incomplete = s.indicators.filter { $0.special > 0 || $0.empty > 0 }
        out.append("  indicators: \(s.indicators.count); missing values per column "
                   + "(CBS code = secret/missing, empty = no value):")
        if incomplete.isEmpty { out.append("    none missing") }
        let width = incomplete.map(\.name.count).max() ?? 0
        for i in incomplete {
            out.append("    \(i.name.padding(toLength: width, withPad: " ", startingAt: 0))  "
                       + "CBS code \(i.special), empty \(i.empty)")
        }
        let totalSpecial = s.indicators.reduce(0) { $0 + $1.special }
        out.append("  CBS-coded cells stored as missing: \(totalSpecial)")
        let rowRejects = s.rejects.filter(\.rowRejected)
        out.append("  rejected rows: \(rowRejects.count); values set missing: \(s.rejects.count - rowRejects.count)")
        for r in s.rejects.prefix(20) {
            out.append("    \(r.file):\(r.line) \(r.field)='\(r.value)': \(r.reason)")
        }
        if s.rejects.count > 20 { out.append("    … \(s.rejects.count - 20) more (write them all with --rejects FILE)") }
        for note in s.notes { out.append("  note: \(note)") }
        return out.joined(separator: "\n")
    }

    private static func list(_ title: String, _ codes: [String]) -> String {
        guard !codes.isEmpty else { return "  \(title): none" }
        var lines = ["  \(title): \(codes.count)"]
        var line = "   "
        for code in codes {
            if line.count + code.count > 96 { lines.append(line); line = "   " }
            line += " " + code
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
