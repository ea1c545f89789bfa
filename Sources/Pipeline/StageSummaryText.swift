import Atlas
import Foundation
import Ingest
import Reports

/// The text the ingest and analyse stages print: counts that add up, and every unmatched code listed.
public enum StageSummaryText {
    public static func areas(_ s: AreaIngestSummary, store: String) -> String {
        var out: [String] = []
        if let run = s.unchangedSince {
            out.append("Areas from \(s.files.first?.file ?? ""): unchanged since ingest run \(run) (same files and options), not read "
                       + "again; \(store) holds the \(s.areasStored) \(s.level.rawValue) areas for \(s.year) it stored "
                       + "(from \(s.sourceCRS) to EPSG:28992; population \(Int(s.population)))")
        } else {
            out.append("Stored \(s.areasStored) \(s.level.rawValue) areas for \(s.year) in \(store) "
                       + "(from \(s.sourceCRS) to EPSG:28992; population \(Int(s.population)))")
        }
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
        for (rule, areas) in s.fallbacks { out.append("  stand-in rule: \(rule): \(areas) areas (docs/METHOD.md §1)") }
        return out.joined(separator: "\n")
    }

    public static func records(_ s: RecordIngestSummary, store: String) -> String {
        var out: [String]
        if let run = s.unchangedSince {
            out = ["\(s.kind.prefix(1).uppercased() + s.kind.dropFirst()) from \(s.file): unchanged since ingest run \(run) "
                   + "(same content, mapping and day), not read again; \(store) holds them",
                   "  \(s.read) rows read then = \(s.accepted) accepted + \(s.rejected) rejected"]
        } else {
            out = ["Stored \(s.kind) from \(s.file) in \(store) (delimiter '\(s.delimiter)')",
                   "  \(s.read) rows read = \(s.accepted) accepted + \(s.rejected) rejected",
                   "  store: \(s.changes.inserted) new, \(s.changes.updated) updated, \(s.changes.unchanged) unchanged"]
        }
        if s.blankLines > 0 { out.append("  blank lines skipped: \(s.blankLines)") }
        if s.windows1252Fields > 0 {
            out.append("  \(s.windows1252Fields) fields were not UTF-8 and were read as Windows-1252 (Excel's \"CSV\"; "
                       + "save as \"CSV UTF-8\" to avoid this)")
        }
        let valueRejects = s.rejects.filter { !$0.rowRejected }.count
        if valueRejects > 0 { out.append("  values set missing (row kept): \(valueRejects)") }
        for r in s.rejects.prefix(20) {
            out.append("    \(r.file):\(r.line) \(r.field)='\(r.value.prefix(60))': \(r.reason)")
        }
        if s.rejects.count > 20 { out.append("    … \(s.rejects.count - 20) more (write them all with --rejects FILE)") }
        return out.joined(separator: "\n")
    }

    public static func analysis(_ w: MatchHistoryReport.Written, threshold: Int) -> String {
        let overall = w.distances.summaries.first
        var out = ["Analysed \(w.requests) requests and \(w.helpers) volunteers (counts below \(threshold) are suppressed)"]
        if let o = overall {
            out.append("  matches with both ends located: \(o.matches), of which \(o.sameArea) within one area (distance 0)")
            if let share = o.within3km {
                out.append("  within 3 km: \(Format.fixed(share * 100, decimals: 1))% (goal 75%); median \(Format.fixed(o.median, decimals: 0)) m")
            }
        }
        out.append("  matched requests not located: \(w.distances.notLocated); matched without a volunteer postcode: \(w.distances.withoutVolunteer)")
        out.append("  requester postcodes not found among the areas: \(w.requestersNotLocated); volunteer postcodes: \(w.helpersNotLocated)")
        if let p = w.protection {
            out.append("  protected together (docs/METHOD.md §8): \(p.addedCounts) more counts hidden in \(p.rounds) rounds of interval "
                       + "audit and repair, \(p.restoredCounts) shown again that the rest determines, \(p.hiddenStatistics) statistics "
                       + "hidden with their counts; counts published \(Format.fixed(p.primaryShare * 100, decimals: 1))% → "
                       + "\(Format.fixed(p.publishedShare * 100, decimals: 1))%")
        }
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
