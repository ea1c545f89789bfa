import Atlas
import Foundation
import Geo
import Store

/// What `ingest areas` reads.
public struct AreaIngestOptions: Sendable {
    public var boundaries: String
    public var statistics: [String] = []
    /// The postcode column of the boundaries (found by name when nil).
    public var key: String?
    /// The postcode column of the statistics tables (found by name when nil).
    public var statisticsKey: String?
    public var level: AreaLevel?
    public var year: Int?
    /// Layer name in a multi-layer source (the first layer when nil).
    public var layer: String?
    /// The source's coordinate system (e.g. "EPSG:28992"), overriding what it declares.
    public var sourceCRS: String?
    /// Use only the shapes and codes of the boundary file, none of its attributes.
    public var boundariesOnly = false
    /// The 1-based header row of the statistics tables (found by itself when nil).
    public var statisticsHeaderRow: Int?
    /// Accept a statistics table that matches fewer than half of the areas.
    public var allowSparseJoin = false

    public init(boundaries: String) { self.boundaries = boundaries }
}

/// What an area ingest did, for the summary a user reads.
public struct AreaIngestSummary: Sendable {
    public var level: AreaLevel
    public var year: Int
    public var sourceCRS: String
    public var files: [IngestFileCount]
    public var areasRead: Int
    public var areasStored: Int
    /// Per statistics file: rows joined to an area.
    public var statisticsJoined: [(file: String, joined: Int)]
    /// Codes present in a statistics table but without an (accepted) area.
    public var codesWithoutGeometry: [String]
    /// Stored areas without a row in any statistics table (empty when no table was given).
    public var areasWithoutStatistics: [String]
    /// Areas stored with their statistics but without a usable shape (empty, missing or broken geometry).
    public var areasWithoutShape: [String]
    /// Areas whose invalid geometry was repaired with GEOS MakeValid.
    public var repairedGeometries: [String]
    public var indicators: [IndicatorSummary]
    public var notes: [String]
    public var rejects: [Reject]
    public var runID: Int64
    public var population: Double
    /// Every stand-in rule that applied, with the number of areas (docs/METHOD.md §1).
    public var fallbacks: [(rule: String, areas: Int)] = []
}

/// Reads boundaries (+ statistics), reprojects to EPSG:28992 and replaces one area set in the store.
public enum AreaIngest {
    /// The Netherlands in EPSG:28992 (RD New) metres, with a margin for the islands and the sea.
    static let netherlands = (x: -7_000.0...300_000.0, y: 289_000.0...629_000.0)

    public static func run(_ options: AreaIngestOptions, store: AtlasStore) throws -> AreaIngestSummary {
        let started = Date()
        _ = GDALDiagnostics.shared.drain()
        let dataset = try VectorDataset(path: options.boundaries)
        let layer = try dataset.areaLayer(named: options.layer)
        guard layer.hasGeometry else { throw GeoError.noLayer(path: options.boundaries, name: options.layer) }
        var layerNote: String?
        if dataset.layerCount > 1 {
            layerNote = "\(options.boundaries): layer '\(layer.name)' (\(layer.geometryTypeName)) of \(dataset.layerCount): "
                + dataset.layerNames.joined(separator: ", ") + (options.layer == nil ? " (choose another with --layer)" : "")
        }
        let fields = layer.fields
        let names = fields.map { CBSVocabulary.canonicalName($0.name) }
        let keyColumn = try findKeyColumn(options.key, in: names, file: options.boundaries)
        let keyIndex = names.firstIndex(of: keyColumn)!

        let target = try SpatialReference(epsg: SpatialReference.rdNewEPSG)
        let source: SpatialReference
        if let given = options.sourceCRS {
            source = try SpatialReference(definition: given)  // overrides a wrong declaration too
        } else if let declared = layer.spatialReference {
            source = declared
        } else {
            throw GeoError.noSpatialReference(path: options.boundaries)
        }
        let transform = source.isSame(as: target) ? nil : try CoordinateTransform(from: source, to: target)

        let level = try options.level ?? detectLevel(layer: layer, keyIndex: keyIndex)
        // The area set's year is the CBS statistics' year: the shapes may be older, and an RIVM
        // table (a survey year) never decides it.
        let rivmPaths = options.statistics.filter(RIVMHealthTable.recognises(path:))
        let cbsStatistics = options.statistics.filter { !rivmPaths.contains($0) }
        let year = try options.year ?? yearFromFileNames(cbsStatistics + [options.boundaries])
        var notes: [String] = layerNote.map { [$0] } ?? []
        for path in [options.boundaries] + options.statistics {
            if let named = try? yearFromFileNames([path]), named != year {
                notes.append("\(path): the file name says \(named), the area set is \(year)"
                             + (options.year != nil ? " (--year)" : " (the statistics' year)"))
            }
        }
        let tables = try cbsStatistics.map {
            try StatisticsTable(path: $0, keyColumn: options.statisticsKey, level: level, headerRow: options.statisticsHeaderRow)
        }
        for table in tables { if let note = table.layoutNote { notes.append("\(table.file): \(note)") } }
        let rivmTables = try rivmPaths.map(RIVMHealthTable.init(path:))

        // A boundary file of another year than the statistics gives shapes and codes only: its
        // attributes would mix years in one area set.
        let boundaryYear = try? yearFromFileNames([options.boundaries])
        let otherYear = !cbsStatistics.isEmpty && boundaryYear != nil && boundaryYear != year
        let boundariesOnly = options.boundariesOnly || otherYear
        if otherYear, !options.boundariesOnly {
            notes.append("\(options.boundaries): a \(boundaryYear!) file for a \(year) area set: only its shapes and codes are used, "
                         + "none of its \(boundaryYear!) statistics")
        }
        let municipalityColumn = boundariesOnly ? nil : KnownColumns.find(KnownColumns.municipality, in: names)
        var seenNames = Set<String>()
        let candidateFields = boundariesOnly ? [] : fields.indices.filter {
            $0 != keyIndex && names[$0] != municipalityColumn && fields[$0].kind != .other && seenNames.insert(names[$0]).inserted
        }
        if options.boundariesOnly {
            notes.append("\(options.boundaries): --boundaries-only: only its shapes and codes are used "
                         + "(\(fields.count - 1) attribute columns ignored)")
        }
        // Statistics given explicitly win over same-named attributes of the boundary file; among
        // the tables the first one that has a column wins.
        var indicatorSource: [String: String] = [:]
        var indicatorOrder: [String] = []
        var tableColumnUsed: [[Bool]] = []
        for table in tables {
            if !table.textColumns.isEmpty {
                notes.append("\(table.file): columns without numbers, not stored as indicators: "
                             + table.textColumns.joined(separator: ", "))
            }
            var used: [Bool] = []
            for column in table.numericColumns {
                if let first = indicatorSource[column] {
                    notes.append("\(table.file): column \(column) is also in \(first); kept the values from \(first)")
                    used.append(false)
                } else {
                    indicatorSource[column] = table.file
                    indicatorOrder.append(column)
                    used.append(true)
                }
            }
            tableColumnUsed.append(used)
        }
        var overridden: [String] = []
        for i in candidateFields {
            if let table = indicatorSource[names[i]] {
                if table != options.boundaries { overridden.append(names[i]) }
                continue
            }
            indicatorSource[names[i]] = options.boundaries
            indicatorOrder.append(names[i])
        }
        if !overridden.isEmpty {
            notes.append("\(options.boundaries): \(overridden.count) columns are also in a statistics table, whose values "
                         + "are used (the boundary file's are not): " + overridden.joined(separator: ", "))
        }
        for table in rivmTables {
            for column in table.columns where indicatorSource[column] == nil {
                indicatorSource[column] = table.file
                indicatorOrder.append(column)
            }
        }
        var rivmJoined = [Int](repeating: 0, count: rivmTables.count)

        var counts: [String: (numbers: Int, special: Int)] = [:]
        var rejects: [Reject] = tables.flatMap(\.rejects) + rivmTables.flatMap(\.rejects)
        var repaired: [String] = []
        var withoutShape: [String] = []
        var storedCodes = Set<String>()
        var joined = [Int](repeating: 0, count: tables.count)
        var areasRead = 0
        var population = 0.0
        let fileName = options.boundaries
        let sourceRows = SourceRows(dataset: dataset)
        var tallies = [ColumnTally](repeating: ColumnTally(), count: fields.count)

        var insideNetherlands = 0
        var lostLeadingZeros = 0
        var fallbackCounts: [String: Int] = [:]
        var outsideExample: String?
        let (files, runID) = try store.replaceAreaSet(level: level, year: year, source: fileName,
                                                  sourceCRS: source.identifier, startedAt: started) { writer in
            var firstSeen: [String: Int] = [:]
            var boundaryRejects: [Reject] = []
            for feature in layer {
                areasRead += 1
                let line = sourceRows.line(of: feature, ordinal: areasRead)
                func reject(_ field: String, _ value: String, _ reason: String) {
                    boundaryRejects.append(Reject(file: fileName, line: line, field: field, value: value, reason: reason))
                }
                let keyText = feature.value(at: keyIndex).text
                let postcode: AreaCode
                do { postcode = try AreaCode(parsing: keyText, level: level) } catch let error as AreaCode.ParseError {
                    if case .lostLeadingZeros = error { lostLeadingZeros += 1 }
                    reject(keyColumn, keyText, "\(error)"); continue
                }
                guard postcode.level == level else {
                    reject(keyColumn, keyText, "a \(postcode.level.rawValue) \(postcode.level.noun) in a \(level.rawValue) area set"); continue
                }
                if let first = firstSeen[postcode.code] {
                    reject(keyColumn, keyText, "duplicate \(postcode.level.noun): \(postcode.code) is already feature \(first)"); continue
                }
                var shape: AreaShape?
                switch AreaShape.prepare(feature.takeGeometry(), transform: transform) {
                case let .success(prepared):
                    shape = prepared
                    if prepared.wasRepaired { repaired.append(postcode.code) }
                case let .failure(problem):
                    // CBS publishes statistics for the area: keep them, report the missing shape.
                    boundaryRejects.append(Reject(
                        file: fileName, line: line, field: "geometry", value: problem.value,
                        reason: "\(problem.reason); the area is kept with its statistics but has no shape "
                            + "(left out of maps and distances)", rowRejected: false))
                    withoutShape.append(postcode.code)
                }
                firstSeen[postcode.code] = line

                var values: [String: CBSValue] = [:]
                for i in candidateFields where indicatorSource[names[i]] == fileName {
                    let cell = cbsValue(feature.value(at: i), tally: &tallies[i], file: fileName, line: line,
                                        column: names[i])
                    if cell != .empty { values[names[i]] = cell }
                }
                var municipality = municipalityColumn.flatMap { feature.value(named: $0)?.text.trimmingSpaces() }
                if municipality?.isEmpty == true { municipality = nil }
                for (t, table) in tables.enumerated() {
                    guard let row = table.rows[postcode.code] else { continue }
                    joined[t] += 1
                    for (c, column) in table.numericColumns.enumerated() where tableColumnUsed[t][c] {
                        values[column] = row.cells[c]
                    }
                    if municipality == nil { municipality = row.municipality }
                }
                for (t, table) in rivmTables.enumerated() {
                    guard let measured = table.values(code: postcode.code, level: level, municipality: municipality) else { continue }
                    rivmJoined[t] += 1
                    for (column, value) in measured where value != .empty { values[column] = value }
                }
                for (name, value) in values {
                    switch value {
                    case .number: counts[name, default: (0, 0)].numbers += 1
                    case .special: counts[name, default: (0, 0)].special += 1
                    case .empty: break
                    }
                }
                for (kind, columns) in [("population", KnownColumns.population), ("households", KnownColumns.households)] {
                    guard let primary = columns.first(where: { values[$0] != nil }), values[primary]?.number == nil,
                          let used = columns.first(where: { values[$0]?.number != nil }) else { continue }
                    fallbackCounts["\(kind) from \(used) where \(primary) is secret or missing", default: 0] += 1
                }
                let area = AreaRecord(code: postcode.code, level: level, year: year, municipality: municipality,
                                      areaM2: shape?.geometry.area, pointX: shape?.point.x, pointY: shape?.point.y,
                                      values: values)
                population += area.population ?? 0
                if let p = shape?.point, AreaIngest.netherlands.x.contains(p.x), AreaIngest.netherlands.y.contains(p.y) {
                    insideNetherlands += 1
                } else if let p = shape?.point, outsideExample == nil {
                    outsideExample = "\(postcode.code) at x \(Int(saturating: p.x)), y \(Int(saturating: p.y))"
                }
                try writer.insert(area, wkb: shape?.geometry.wkb())
                storedCodes.insert(postcode.code)
            }
            try IngestError.checkLeadingZeros(lost: lostLeadingZeros, read: areasRead, file: fileName, column: keyColumn,
                                              example: boundaryRejects.first?.value)
            guard writer.count > 0 else {
                throw IngestError.noUsableAreas(file: fileName, rejected: boundaryRejects.count)
            }
            // A statistics table that matches few areas is the wrong table, key or level.
            for (t, table) in tables.enumerated() where !options.allowSparseJoin && joined[t] * 2 < writer.count {
                throw IngestError.sparseJoin(file: table.file, joined: joined[t], areas: writer.count, key: table.keyColumn,
                                             example: table.rows.keys.sorted().first)
            }
            // No shape at all: the layer holds no polygons (points, lines), whatever its coordinates.
            let shapeReasons = boundaryRejects.filter { $0.field == "geometry" }.map(\.reason)
            if withoutShape.count == writer.count,
               !layer.mayHoldPolygons || shapeReasons.allSatisfy({ $0.hasPrefix("not a polygon") }) {
                throw IngestError.noPolygons(file: fileName, layer: layer.name, type: layer.geometryTypeName,
                                             layers: dataset.layerNames)
            }
            // Most areas outside the Netherlands (or not placeable at all): the coordinate system
            // is wrong, e.g. RD metres declared as WGS84, or latitude and longitude swapped.
            if insideNetherlands * 2 < writer.count {
                throw IngestError.wrongCoordinateSystem(file: fileName, crs: source.identifier, inside: insideNetherlands,
                                                        total: writer.count, example: outsideExample,
                                                        layer: dataset.layerCount > 1 ? layer.name : nil)
            }
            // Boundary columns of words (names, descriptions) are not indicators after all.
            let textFields = candidateFields.filter { indicatorSource[names[$0]] == fileName && !tallies[$0].isNumeric }
            for i in textFields {
                try writer.deleteIndicatorValues(names[i])
                counts[names[i]] = nil
            }
            indicatorOrder.removeAll { name in textFields.contains { names[$0] == name } }
            if !textFields.isEmpty {
                notes.append("\(fileName): columns without numbers, not stored as indicators: "
                             + textFields.map { names[$0] }.joined(separator: ", "))
            }
            boundaryRejects += candidateFields.flatMap { tallies[$0].rejects }
            boundaryRejects.sort { ($0.line, $0.field) < ($1.line, $1.field) }
            let indicators = indicatorOrder.map { name in
                let c = counts[name] ?? (0, 0)
                return IndicatorSummary(name: name, source: indicatorSource[name]!, numbers: c.numbers,
                                        special: c.special, empty: writer.count - c.numbers - c.special)
            }
            try writer.setIndicators(indicators)
            rejects = boundaryRejects + rejects
            var files = [IngestFileCount(file: fileName, role: "boundaries", read: areasRead, accepted: writer.count)]
            files += tables.map {
                IngestFileCount(file: $0.file, role: "statistics", read: $0.rowsRead, accepted: $0.rowsAccepted)
            }
            files += rivmTables.map {
                IngestFileCount(file: $0.file, role: "RIVM health (by region)", read: $0.rowsRead, accepted: $0.rowsAccepted)
            }
            return (files, files, rejects)
        }

        let stored = try store.indicators(level: level, year: year)
        let withStats = Set(tables.flatMap { $0.rows.keys })
        let withoutGeometry = withStats.subtracting(storedCodes).sorted()
        let withoutStats = tables.isEmpty ? [] : storedCodes.subtracting(withStats).sorted()
        let warnings = GDALDiagnostics.shared.drain()
        notes += warnings.warnings.map { "GDAL: \($0)" }
        if warnings.notKept > 0 { notes.append("GDAL: \(warnings.notKept) more warnings not shown") }

        return AreaIngestSummary(
            level: level, year: year, sourceCRS: source.identifier, files: files,
            areasRead: areasRead, areasStored: storedCodes.count,
            statisticsJoined: zip(tables, joined).map { ($0.file, $1) } + zip(rivmTables, rivmJoined).map { ($0.file, $1) },
            codesWithoutGeometry: withoutGeometry, areasWithoutStatistics: withoutStats,
            areasWithoutShape: withoutShape.sorted(), repairedGeometries: repaired.sorted(), indicators: stored, notes: notes, rejects: rejects,
            runID: runID, population: population,
            fallbacks: fallbackCounts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The level of the first feature with a valid postcode.
    static func detectLevel(layer: Layer, keyIndex: Int) throws -> AreaLevel {
        var numbersOnly: Int?
        for feature in layer {
            let text = feature.value(at: keyIndex).text.trimmingSpaces()
            if let code = try? AreaCode(parsing: text) { return code.level }
            if numbersOnly == nil, !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) { numbersOnly = text.count }
        }
        // Codes that are numbers too long for a postcode: buurt (BU + 8) or wijk (WK + 6) codes
        // that lost their prefix and zeros, which the ingest then refuses with that reason.
        switch numbersOnly {
        case (7...8)?: return .buurt
        case (5...6)?: return .wijk
        default: break
        }
        return .pc4
    }

    /// A year (1990–2100) in the first file name that has one: cbs_pc4_2020_v1.gpkg → 2020.
    static func yearFromFileNames(_ paths: [String]) throws -> Int {
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            var digits = ""
            for ch in name + "_" {
                if ch.isASCII, ch.isNumber {
                    digits.append(ch)
                } else {
                    if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { return y }
                    digits = ""
                }
            }
        }
        throw IngestError.cannotTellYear(files: paths)
    }
}
