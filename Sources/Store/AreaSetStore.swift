import Atlas
import Foundation
import GRDB

/// Inserts the areas of one area set, inside the transaction opened by `replaceAreaSet`.
public final class AreaSetWriter {
    let db: Database
    let level: AreaLevel
    let year: Int
    private let insertArea: Statement
    private let insertValue: DirectStatement
    public private(set) var count = 0

    init(db: Database, level: AreaLevel, year: Int) throws {
        self.db = db
        self.level = level
        self.year = year
        insertArea = try db.makeStatement(sql: """
            INSERT INTO areas (level, year, code, municipality, area_m2, point_x, point_y, geometry)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertValue = try DirectStatement(db, sql: """
            INSERT INTO area_values (level, year, code, indicator, value, special_code) VALUES (?, ?, ?, ?, ?, ?)
            """)
    }

    /// Stores one area with its geometry (ISO WKB in EPSG:28992; nil when it has no usable
    /// shape). Empty cells are not stored.
    public func insert(_ area: AreaRecord, wkb: [UInt8]?) throws {
        try insertArea.execute(arguments: [level.rawValue, year, area.code, area.municipality, area.areaM2,
                                           area.pointX, area.pointY, wkb.map { Data($0) }])
        // The values go through SQLite's C API: level, year and code are bound once per area and
        // only the indicator and its value per cell (15 million cells for the PC6 areas of the
        // country).
        try insertValue.bind(1, level.rawValue)
        try insertValue.bind(2, Int64(year))
        try insertValue.bind(3, area.code)
        for (name, value) in area.values.sorted(by: { $0.key < $1.key }) { // key order: B-tree appends
            switch value {
            case let .number(v):
                try insertValue.bind(5, v)
                try insertValue.bind(6, nil as Int64?)
            case let .special(code):
                try insertValue.bind(5, nil as Double?)
                try insertValue.bind(6, Int64(code))
            case .empty:
                continue
            }
            try insertValue.bind(4, name)
            try insertValue.step()
        }
        count += 1
    }

    /// Removes every stored value of one column (a column that turned out to hold words).
    public func deleteIndicatorValues(_ name: String) throws {
        try db.execute(sql: "DELETE FROM area_values WHERE level = ? AND year = ? AND indicator = ?",
                       arguments: [level.rawValue, year, name])
    }

    /// Stores the per-column counts.
    public func setIndicators(_ indicators: [IndicatorSummary]) throws {
        for i in indicators {
            try db.execute(sql: """
                INSERT INTO indicators (level, year, name, source, numbers, special, empty) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [level.rawValue, year, i.name, i.source, i.numbers, i.special, i.empty])
        }
    }
}

extension AtlasStore {
    /// Replaces the area set `level`+`year` in one transaction: the old set is deleted, `body`
    /// inserts the new one. If `body` throws, the store keeps the old set.
    public func replaceAreaSet<T>(level: AreaLevel, year: Int, source: String, sourceCRS: String,
                                  startedAt: Date,
                                  _ body: (AreaSetWriter) throws -> (T, [IngestFileCount], [Reject])) throws -> (T, runID: Int64) {
        try write { db in
            try db.execute(sql: "DELETE FROM area_sets WHERE level = ? AND year = ?",
                           arguments: [level.rawValue, year])
            let runID = try AtlasStore.beginRun(db, kind: "areas", startedAt: startedAt)
            try db.execute(sql: "INSERT INTO area_sets (level, year, source, source_crs, run_id) VALUES (?, ?, ?, ?, ?)",
                           arguments: [level.rawValue, year, source, sourceCRS, runID])
            let writer = try AreaSetWriter(db: db, level: level, year: year)
            let (result, files, rejects) = try body(writer)
            try AtlasStore.finishRun(db, runID: runID, files: files, rejects: rejects)
            return (result, runID)
        }
    }

    public func areaSets() throws -> [AreaSetInfo] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.level, s.year, s.source, s.source_crs,
                       (SELECT COUNT(*) FROM areas a WHERE a.level = s.level AND a.year = s.year) AS n
                FROM area_sets s ORDER BY s.level, s.year
                """).map {
                AreaSetInfo(level: AreaLevel(rawValue: $0["level"]) ?? .pc4, year: $0["year"], source: $0["source"],
                            sourceCRS: $0["source_crs"], areaCount: $0["n"])
            }
        }
    }

    /// The area set to use: the one matching `level`/`year` (either may be nil), which must be unique.
    public func resolveAreaSet(level: AreaLevel?, year: Int?) throws -> AreaSetInfo {
        let matching = try areaSets().filter {
            (level == nil || $0.level == level) && (year == nil || $0.year == year)
        }
        if matching.count == 1 { return matching[0] }
        if matching.isEmpty { throw StoreError.noAreas(level: level?.rawValue, year: year) }
        throw StoreError.ambiguousAreaSet(matching.map(\.label))
    }

    /// All areas of a set with their values, ordered by code. `only`: read just these columns
    /// (the delivery lists need the households of 456,661 PC6 areas, not their 34 columns).
    public func areas(level: AreaLevel, year: Int, only columns: [String]? = nil) throws -> [AreaRecord] {
        try read { db in
            // Rows come in key order (code, indicator): an area's values are consecutive. Indicator
            // names are shared between areas (one String each, not one per value: 15 million
            // values of 456,661 PC6 areas), and columns are read by position.
            var valuesByCode: [String: [String: CBSValue]] = [:]
            var names: [String: String] = [:]
            var current: String?
            var values: [String: CBSValue] = [:]
            let subset = columns.map { " AND indicator IN (\($0.map { _ in "?" }.joined(separator: ", ")))" } ?? ""
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT code, indicator, value, special_code FROM area_values WHERE level = ? AND year = ?\(subset)
                ORDER BY code, indicator
                """, arguments: StatementArguments([level.rawValue, year] + (columns ?? []).map { $0 as (any DatabaseValueConvertible) }))
            while let row = try cursor.next() {
                let code: String = row[0]
                if code != current {
                    if let current { valuesByCode[current] = values }
                    current = code
                    values = Dictionary(minimumCapacity: names.count)
                }
                let indicator: String = row[1]
                let name: String
                if let shared = names[indicator] { name = shared } else { names[indicator] = indicator; name = indicator }
                if let special: Int = row[3] {
                    values[name] = .special(code: special)
                } else {
                    values[name] = .number(row[2])
                }
            }
            if let current { valuesByCode[current] = values }
            return try Row.fetchAll(db, sql: """
                SELECT code, municipality, area_m2, point_x, point_y FROM areas
                WHERE level = ? AND year = ? ORDER BY code
                """, arguments: [level.rawValue, year]).map { row in
                let code: String = row["code"]
                return AreaRecord(code: code, level: level, year: year, municipality: row["municipality"],
                                  areaM2: row["area_m2"], pointX: row["point_x"], pointY: row["point_y"],
                                  values: valuesByCode[code] ?? [:])
            }
        }
    }

    /// The geometries of a set (ISO WKB, EPSG:28992) by code.
    public func areaGeometries(level: AreaLevel, year: Int) throws -> [String: Data] {
        try read { db in
            var out: [String: Data] = [:]
            let cursor = try Row.fetchCursor(db, sql: "SELECT code, geometry FROM areas WHERE level = ? AND year = ?",
                                             arguments: [level.rawValue, year])
            while let row = try cursor.next() {
                if let wkb: Data = row["geometry"] { out[row["code"]] = wkb }
            }
            return out
        }
    }

    /// The indicator columns of a set, in name order.
    public func indicators(level: AreaLevel, year: Int) throws -> [IndicatorSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT name, source, numbers, special, empty FROM indicators WHERE level = ? AND year = ? ORDER BY name
                """, arguments: [level.rawValue, year]).map {
                IndicatorSummary(name: $0["name"], source: $0["source"], numbers: $0["numbers"],
                                 special: $0["special"], empty: $0["empty"])
            }
        }
    }
}
