import Atlas
import Foundation
import GRDB

/// Inserts the areas of one area set, inside the transaction opened by `replaceAreaSet`: one
/// row per area, its cells as `AreaCells`.
public final class AreaSetWriter {
    let db: Database
    let level: AreaLevel
    let year: Int
    private let insertArea: DirectStatement
    private let insertColumn: DirectStatement
    private var columns = AreaCells.Columns()
    public private(set) var count = 0

    init(db: Database, level: AreaLevel, year: Int) throws {
        self.db = db
        self.level = level
        self.year = year
        insertArea = try DirectStatement(db, sql: """
            INSERT INTO areas (level, year, code, municipality, area_m2, point_x, point_y, geometry, numbers, codes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertColumn = try DirectStatement(db, sql: AreaCells.insertColumnSQL)
        for statement in [insertArea, insertColumn] {
            try statement.bind(1, level.rawValue)
            try statement.bind(2, Int64(year))
        }
    }

    /// Stores one area with its geometry (ISO WKB in EPSG:28992; nil when it has no usable
    /// shape). Empty cells are not stored.
    public func insert(_ area: AreaRecord, wkb: [UInt8]?) throws {
        let cells = try AreaCells.encode(area.values, columns: &columns, recordingIn: insertColumn)
        try insertArea.bind(3, area.code)
        try insertArea.bind(4, area.municipality)
        try insertArea.bind(5, area.areaM2)
        try insertArea.bind(6, area.pointX)
        try insertArea.bind(7, area.pointY)
        try insertArea.bind(8, bytes: wkb)
        try insertArea.bind(9, cells.numbers)
        try insertArea.bind(10, cells.codes)
        try insertArea.step()
        count += 1
    }

    /// Removes every stored value of one column (a column that turned out to hold words).
    public func deleteIndicatorValues(_ name: String) throws {
        guard let position = columns.existing(name) else { return }
        let path = "$[\(position)]"
        try db.execute(sql: """
            UPDATE areas SET numbers = json_replace(numbers, ?, NULL), codes = json_replace(codes, ?, NULL)
            WHERE level = ? AND year = ?
            """, arguments: [path, path, level.rawValue, year])
        try db.execute(sql: "DELETE FROM area_columns WHERE level = ? AND year = ? AND position = ?",
                       arguments: [level.rawValue, year, position])
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
            // Column names are shared between areas (one String each, not one per value).
            let wanted = columns.map(Set.init)
            var names: [String?] = []
            for row in try Row.fetchAll(db, sql: "SELECT position, name FROM area_columns WHERE level = ? AND year = ?",
                                        arguments: [level.rawValue, year]) {
                let position: Int = row[0], name: String = row[1]
                guard position >= 0, position < 1_000_000 else { throw StoreError.corruptRow(table: "area_columns", id: name) }
                if names.count <= position { names += [String?](repeating: nil, count: position + 1 - names.count) }
                if wanted?.contains(name) ?? true { names[position] = name }
            }
            // Cells after the last wanted column are not read at all.
            names = Array(names.prefix((names.lastIndex { $0 != nil } ?? -1) + 1))
            var out: [AreaRecord] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT code, municipality, area_m2, point_x, point_y, numbers, codes FROM areas
                WHERE level = ? AND year = ? ORDER BY code
                """, arguments: [level.rawValue, year])
            while let row = try cursor.next() {
                let code: String = row[0]
                let cells = AreaCells(numbers: row[5], codes: row[6])
                guard let values = names.isEmpty ? [:] : AreaCells.decode(cells, names: names) else {
                    // Written by the ingest as JSON arrays; anything else is a hand-edited store.
                    throw StoreError.corruptRow(table: "areas", id: code)
                }
                out.append(AreaRecord(code: code, level: level, year: year, municipality: row[1], areaM2: row[2],
                                      pointX: row[3], pointY: row[4], values: values))
            }
            return out
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
