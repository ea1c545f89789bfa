import Atlas
import Foundation
import Geo
import Store

/// Reads boundaries (+ statistics), reprojects to EPSG:28992 and replaces one area set in the
/// store, in one transaction: open the boundary file (`BoundarySource`), decide where each
/// indicator comes from (`IndicatorSources`), read every feature (`AreaFeatureReader`), check
/// that the result is usable, and summarise.
public enum AreaIngest {
    /// An input the stored set was made from, unchanged, is not read again (unless `reread`):
    /// the summary is that ingest's.
    public static func run(_ options: AreaIngestOptions, store: AtlasStore, reread: Bool = false) throws -> AreaIngestSummary {
        let fingerprint = UnchangedAreaIngest.fingerprint(options)
        if !reread, let fingerprint, let unchanged = try UnchangedAreaIngest.summary(fingerprint: fingerprint, store: store) {
            return unchanged
        }
        let summary = try read(options, into: store)
        if let fingerprint {
            try store.recordFingerprint(runID: summary.runID, kind: "areas", fingerprint: fingerprint,
                                        summary: try UnchangedAreaIngest.record(summary))
        }
        return summary
    }

    private static func read(_ options: AreaIngestOptions, into store: AtlasStore) throws -> AreaIngestSummary {
        let started = Date()
        _ = GDALDiagnostics.shared.drain()
        let boundary = try BoundarySource(options)
        var sources = try IndicatorSources(options, boundary: boundary)
        let (level, year, fileName) = (boundary.level, sources.year, boundary.path)
        var reader = AreaFeatureReader(boundary: boundary, sources: sources)
        let sourceRows = SourceRows(dataset: boundary.dataset)
        let progress = Progress.sink
        progress.begin("areas \((fileName as NSString).lastPathComponent)", total: progress.isActive ? boundary.layer.featureCount : 0)
        defer { progress.end() }
        let (files, runID) = try store.replaceAreaSet(level: level, year: year, source: fileName,
                                                      sourceCRS: boundary.source.identifier, startedAt: started) { writer in
            // Features are read, checked and reprojected on a second core while this one
            // writes the store; the areas arrive in file order.
            try Overlapped.run(produce: { emit in
                var batch = FeatureBatch()
                for feature in boundary.layer {
                    batch.features += 1
                    if let read = reader.read(feature, line: sourceRows.line(of: feature, ordinal: reader.areasRead + 1)) {
                        batch.areas.append((read.area, read.shape?.geometry.wkb()))
                    }
                    if batch.features == FeatureBatch.size {
                        guard emit(batch) else { return }
                        batch = FeatureBatch()
                    }
                }
                if batch.features > 0 { _ = emit(batch) }
            }, consume: { batch in
                progress.advance(batch.features)
                for (area, wkb) in batch.areas { try writer.insert(area, wkb: wkb) }
            })
            try check(reader, areas: writer.count, options: options)
            // Boundary columns of words (names, descriptions) are not indicators after all.
            let textFields = sources.candidateFields.filter { sources.file[boundary.names[$0]] == fileName && !reader.tallies[$0].isNumeric }
            let textColumns = textFields.map { boundary.names[$0] }
            for name in textColumns {
                try writer.deleteIndicatorValues(name)
                reader.forget(name)
            }
            sources.drop(textColumns)
            if !textColumns.isEmpty {
                sources.note("\(fileName): columns without numbers, not stored as indicators: " + textColumns.joined(separator: ", "))
            }
            reader.finishRejects()
            try writer.setIndicators(sources.order.map { name in
                let c = reader.counts[name] ?? (0, 0)
                return IndicatorSummary(name: name, source: sources.file[name] ?? fileName, numbers: c.numbers,
                                        special: c.special, empty: writer.count - c.numbers - c.special)
            })
            var files = [IngestFileCount(file: fileName, role: "boundaries", read: reader.areasRead, accepted: writer.count)]
            files += sources.tables.map {
                IngestFileCount(file: $0.file, role: "statistics", read: $0.rowsRead, accepted: $0.rowsAccepted)
            }
            files += sources.rivmTables.map {
                IngestFileCount(file: $0.file, role: "RIVM health (by region)", read: $0.rowsRead, accepted: $0.rowsAccepted)
            }
            return (files, files, allRejects(reader, sources))
        }
        return try summary(reader, sources: sources, files: files, runID: runID, store: store)
    }

    /// Reads an area file (with its statistics) as `run` would store it, without storing it: the
    /// PC6 areas of the delivery lists, which must not change where requests are placed. The
    /// same checks apply; every rejected feature is returned with its reason.
    public static func read(_ options: AreaIngestOptions) throws -> (areas: [AreaRecord], rejects: [Reject]) {
        _ = GDALDiagnostics.shared.drain()
        let boundary = try BoundarySource(options)
        let sources = try IndicatorSources(options, boundary: boundary)
        var reader = AreaFeatureReader(boundary: boundary, sources: sources)
        let sourceRows = SourceRows(dataset: boundary.dataset)
        var areas: [AreaRecord] = []
        let progress = Progress.sink
        progress.begin("areas \((boundary.path as NSString).lastPathComponent)", total: progress.isActive ? boundary.layer.featureCount : 0)
        defer { progress.end() }
        for feature in boundary.layer {
            progress.advance(1)
            if let read = reader.read(feature, line: sourceRows.line(of: feature, ordinal: reader.areasRead + 1)) {
                areas.append(read.area)
            }
        }
        try check(reader, areas: areas.count, options: options)
        reader.finishRejects()
        return (areas, allRejects(reader, sources))
    }

    /// The checks that make an empty or wrong area set an error rather than a stored result.
    static func check(_ reader: AreaFeatureReader, areas stored: Int, options: AreaIngestOptions) throws {
        let (boundary, sources, file) = (reader.boundary, reader.sources, reader.boundary.path)
        try IngestError.checkLeadingZeros(lost: reader.lostLeadingZeros, read: reader.areasRead, file: file,
                                          column: boundary.keyColumn, example: reader.rejects.first?.value)
        guard stored > 0 else { throw IngestError.noUsableAreas(file: file, rejected: reader.rejects.count) }
        // A statistics table that matches few areas is the wrong table, key or level.
        for (t, table) in sources.tables.enumerated() where !options.allowSparseJoin && reader.joined[t] * 2 < stored {
            throw IngestError.sparseJoin(file: table.file, joined: reader.joined[t], areas: stored, key: table.keyColumn,
                                         example: table.rows.keys.sorted().first)
        }
        // No shape at all: the layer holds no polygons (points, lines), whatever its coordinates.
        let shapeReasons = reader.rejects.filter { $0.field == "geometry" }.map(\.reason)
        if reader.withoutShape.count == stored,
           !boundary.layer.mayHoldPolygons || shapeReasons.allSatisfy({ $0.hasPrefix("not a polygon") }) {
            throw IngestError.noPolygons(file: file, layer: boundary.layer.name, type: boundary.layer.geometryTypeName,
                                         layers: boundary.dataset.layerNames)
        }
        // Most areas outside the Netherlands (or not placeable at all): the coordinate system
        // is wrong, e.g. RD metres declared as WGS84, or latitude and longitude swapped.
        if reader.insideNetherlands * 2 < stored {
            throw IngestError.wrongCoordinateSystem(file: file, crs: boundary.source.identifier, inside: reader.insideNetherlands,
                                                    total: stored, example: reader.outsideExample,
                                                    layer: boundary.dataset.layerCount > 1 ? boundary.layer.name : nil)
        }
    }

    /// The boundary file's rejects (in file order), then the statistics tables'.
    static func allRejects(_ reader: AreaFeatureReader, _ sources: IndicatorSources) -> [Reject] {
        reader.rejects + sources.tables.flatMap(\.rejects) + sources.rivmTables.flatMap(\.rejects)
    }

    static func summary(_ reader: AreaFeatureReader, sources: IndicatorSources, files: [IngestFileCount], runID: Int64,
                        store: AtlasStore) throws -> AreaIngestSummary {
        let (level, year) = (reader.boundary.level, sources.year)
        let withStats = Set(sources.tables.flatMap { $0.rows.keys })
        var notes = sources.notes
        let warnings = GDALDiagnostics.shared.drain()
        notes += warnings.warnings.map { "GDAL: \($0)" }
        if warnings.notKept > 0 { notes.append("GDAL: \(warnings.notKept) more warnings not shown") }
        return AreaIngestSummary(
            level: level, year: year, sourceCRS: reader.boundary.source.identifier, files: files,
            areasRead: reader.areasRead, areasStored: reader.storedCodes.count,
            statisticsJoined: zip(sources.tables, reader.joined).map { ($0.file, $1) }
                + zip(sources.rivmTables, reader.rivmJoined).map { ($0.file, $1) },
            codesWithoutGeometry: withStats.subtracting(reader.storedCodes).sorted(),
            areasWithoutStatistics: sources.tables.isEmpty ? [] : reader.storedCodes.subtracting(withStats).sorted(),
            areasWithoutShape: reader.withoutShape.sorted(), repairedGeometries: reader.repaired.sorted(),
            indicators: try store.indicators(level: level, year: year), notes: notes, rejects: allRejects(reader, sources),
            runID: runID, population: reader.population,
            fallbacks: reader.fallbackCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}

/// Features read on the parsing thread: how many, and the areas accepted from them with their
/// shapes as WKB.
private struct FeatureBatch {
    static let size = 512
    var features = 0
    var areas: [(AreaRecord, [UInt8]?)] = []
}
