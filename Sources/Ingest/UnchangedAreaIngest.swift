import Atlas
import Foundation
import Store

/// An area input that the stored set was made from, unchanged: its fingerprint (the bytes of
/// the boundary and statistics files with every option that changes how they are read) and
/// the parts of its summary the store does not otherwise hold, so that the summary can be
/// given again without reading the files.
enum UnchangedAreaIngest {
    /// Bumped whenever a change to the area reader reads the same files differently.
    static let readerVersion = "areas-1"

    /// Nil when a file is not a plain readable file (then the input is always read).
    static func fingerprint(_ o: AreaIngestOptions) -> String? {
        // The boundary file's bytes, then each statistics file's fingerprint as a context line.
        let tables = o.statistics.map { InputFingerprint.of(file: $0, context: [($0 as NSString).standardizingPath]) }
        guard !tables.contains(nil) else { return nil }
        let options = [readerVersion, (o.boundaries as NSString).standardizingPath, "key=\(o.key ?? "")",
                       "statistics_key=\(o.statisticsKey ?? "")", "level=\(o.level?.rawValue ?? "")", "year=\(o.year.map(String.init) ?? "")",
                       "layer=\(o.layer ?? "")", "source_crs=\(o.sourceCRS ?? "")", "boundaries_only=\(o.boundariesOnly)",
                       "statistics_header_row=\(o.statisticsHeaderRow.map(String.init) ?? "")", "allow_sparse_join=\(o.allowSparseJoin)"]
        return InputFingerprint.of(file: o.boundaries, context: options + tables.map { "statistics \($0 ?? "")" })
    }

    /// What the summary said beyond the store's own tables.
    struct Record: Codable {
        struct Joined: Codable { var file: String; var joined: Int }
        struct Fallback: Codable { var rule: String; var areas: Int }
        var level: AreaLevel, year: Int, sourceCRS: String, areasRead: Int, areasStored: Int
        var statisticsJoined: [Joined]
        var codesWithoutGeometry: [String], areasWithoutStatistics: [String], areasWithoutShape: [String]
        var repairedGeometries: [String], notes: [String]
        var population: Double
        var fallbacks: [Fallback]
    }

    static func record(_ s: AreaIngestSummary) throws -> String {
        let r = Record(level: s.level, year: s.year, sourceCRS: s.sourceCRS, areasRead: s.areasRead, areasStored: s.areasStored,
                       statisticsJoined: s.statisticsJoined.map { .init(file: $0.file, joined: $0.joined) },
                       codesWithoutGeometry: s.codesWithoutGeometry, areasWithoutStatistics: s.areasWithoutStatistics,
                       areasWithoutShape: s.areasWithoutShape, repairedGeometries: s.repairedGeometries, notes: s.notes,
                       population: s.population, fallbacks: s.fallbacks.map { .init(rule: $0.rule, areas: $0.areas) })
        return String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
    }

    /// The stored summary of the ingest that made the current set from this input; nil when no
    /// stored set was made from it (or its record cannot be read: then it is read again).
    static func summary(fingerprint: String, store: AtlasStore) throws -> AreaIngestSummary? {
        guard let earlier = try store.unchangedAreaSet(fingerprint: fingerprint),
              let json = earlier.summary, let r = try? JSONDecoder().decode(Record.self, from: Data(json.utf8)) else { return nil }
        var s = AreaIngestSummary(
            level: r.level, year: r.year, sourceCRS: r.sourceCRS, files: try store.ingestFiles(runID: earlier.runID),
            areasRead: r.areasRead, areasStored: r.areasStored, statisticsJoined: r.statisticsJoined.map { ($0.file, $0.joined) },
            codesWithoutGeometry: r.codesWithoutGeometry, areasWithoutStatistics: r.areasWithoutStatistics,
            areasWithoutShape: r.areasWithoutShape, repairedGeometries: r.repairedGeometries,
            indicators: try store.indicators(level: r.level, year: r.year), notes: r.notes,
            rejects: try store.rejects(runID: earlier.runID), runID: earlier.runID, population: r.population,
            fallbacks: r.fallbacks.map { ($0.rule, $0.areas) })
        s.unchangedSince = earlier.runID
        return s
    }
}
