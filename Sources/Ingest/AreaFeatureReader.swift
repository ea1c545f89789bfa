import Atlas
import Geo

/// Reads the features of a boundary file into areas, one at a time, joining the statistics
/// tables' rows, and keeps the counts the summary and the checks after the loop need.
struct AreaFeatureReader {
    let boundary: BoundarySource
    let sources: IndicatorSources
    let year: Int

    private(set) var areasRead = 0
    private(set) var rejects: [Reject] = []
    private(set) var counts: [String: (numbers: Int, special: Int)] = [:]
    private(set) var repaired: [String] = []
    private(set) var withoutShape: [String] = []
    private(set) var storedCodes = Set<String>()
    /// Rows joined, per statistics table and per RIVM table.
    private(set) var joined: [Int]
    private(set) var rivmJoined: [Int]
    private(set) var population = 0.0
    private(set) var tallies: [ColumnTally]
    private(set) var insideNetherlands = 0
    private(set) var lostLeadingZeros = 0
    private(set) var fallbackCounts: [String: Int] = [:]
    private(set) var outsideExample: String?
    private var firstSeen: [String: Int] = [:]

    /// The Netherlands in EPSG:28992 (RD New) metres, with a margin for the islands and the sea.
    static let netherlands = (x: -7_000.0...300_000.0, y: 289_000.0...629_000.0)

    init(boundary: BoundarySource, sources: IndicatorSources) {
        self.boundary = boundary
        self.sources = sources
        year = sources.year
        joined = [Int](repeating: 0, count: sources.tables.count)
        rivmJoined = [Int](repeating: 0, count: sources.rivmTables.count)
        tallies = [ColumnTally](repeating: ColumnTally(), count: boundary.fields.count)
    }

    /// The area of one feature and its shape, or nil when the feature is rejected (the reason
    /// is in `rejects`).
    mutating func read(_ feature: Feature, line: Int) -> (area: AreaRecord, shape: AreaShape?)? {
        areasRead += 1
        let (file, level, names) = (boundary.path, boundary.level, boundary.names)
        let keyText = feature.value(at: boundary.keyIndex).text
        let postcode: AreaCode
        do { postcode = try AreaCode(parsing: keyText, level: level) } catch {
            if case .lostLeadingZeros = error { lostLeadingZeros += 1 }
            return reject(line, keyText, "\(error)")
        }
        guard postcode.level == level else {
            return reject(line, keyText, "a \(postcode.level.rawValue) \(postcode.level.noun) in a \(level.rawValue) area set")
        }
        if let first = firstSeen[postcode.code] {
            return reject(line, keyText, "duplicate \(postcode.level.noun): \(postcode.code) is already feature \(first)")
        }
        var shape: AreaShape?
        switch AreaShape.prepare(feature.takeGeometry(), transform: boundary.transform) {
        case let .success(prepared):
            shape = prepared
            if prepared.wasRepaired { repaired.append(postcode.code) }
        case let .failure(problem):
            // CBS publishes statistics for the area: keep them, report the missing shape.
            rejects.append(Reject(
                file: file, line: line, field: "geometry", value: problem.value,
                reason: "\(problem.reason); the area is kept with its statistics but has no shape "
                    + "(left out of maps and distances)", rowRejected: false))
            withoutShape.append(postcode.code)
        }
        firstSeen[postcode.code] = line

        var values: [String: CBSValue] = [:]
        for i in sources.candidateFields where sources.file[names[i]] == file {
            let cell = cbsValue(feature.value(at: i), tally: &tallies[i], file: file, line: line, column: names[i])
            if cell != .empty { values[names[i]] = cell }
        }
        var municipality = sources.municipalityColumn.flatMap { feature.value(named: $0)?.text.trimmingSpaces() }
        if municipality?.isEmpty == true { municipality = nil }
        for (t, table) in sources.tables.enumerated() {
            guard let row = table.rows[postcode.code] else { continue }
            joined[t] += 1
            for (c, column) in table.numericColumns.enumerated() where sources.tableColumnUsed[t][c] {
                values[column] = row.cells[c]
            }
            if municipality == nil { municipality = row.municipality }
        }
        for (t, table) in sources.rivmTables.enumerated() {
            guard let measured = table.values(code: postcode.code, level: level, municipality: municipality) else { continue }
            rivmJoined[t] += 1
            for (column, value) in measured where value != .empty { values[column] = value }
        }
        count(values)
        let area = AreaRecord(code: postcode.code, level: level, year: year, municipality: municipality,
                              areaM2: shape?.geometry.area, pointX: shape?.point.x, pointY: shape?.point.y, values: values)
        population += area.population ?? 0
        if let p = shape?.point, Self.netherlands.x.contains(p.x), Self.netherlands.y.contains(p.y) {
            insideNetherlands += 1
        } else if let p = shape?.point, outsideExample == nil {
            outsideExample = "\(postcode.code) at x \(Int(saturating: p.x)), y \(Int(saturating: p.y))"
        }
        storedCodes.insert(postcode.code)
        return (area, shape)
    }

    /// Numbers and CBS codes per indicator, and the stand-in rules that applied.
    private mutating func count(_ values: [String: CBSValue]) {
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
    }

    private mutating func reject(_ line: Int, _ value: String, _ reason: String) -> (area: AreaRecord, shape: AreaShape?)? {
        rejects.append(Reject(file: boundary.path, line: line, field: boundary.keyColumn, value: value, reason: reason))
        return nil
    }

    /// Boundary columns that turned out to hold words: dropped from the indicators.
    mutating func forget(_ indicator: String) { counts[indicator] = nil }

    /// The rejected values of the boundary file's indicator columns, then all rejects in file order.
    mutating func finishRejects() {
        rejects += sources.candidateFields.flatMap { tallies[$0].rejects }
        rejects.sort { ($0.line, $0.field) < ($1.line, $1.field) }
    }
}
