import Atlas
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport

/// The one-row-per-area layout (schema v14): every value comes back bit for bit, and a store
/// with the old row-per-cell table is moved over without a value lost.
@Suite struct AreaCellsTests {
    static let awkward: [Double] = [0, -0.0, 1, -1, 0.1, 1.0 / 3, 1e-7, 123_456_789.123, 1e15, 1e20, -2.5e-300,
                                    Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 99_999_999_999_999]

    @Test func everyNumberAndCodeComesBackExactly() throws {
        var rng = SplitMix64(seed: 3)
        var columns = AreaCells.Columns()
        var added: [(position: Int, name: String)] = []
        var written: [[String: CBSValue]] = []
        for k in 0..<500 {
            var values: [String: CBSValue] = [:]
            for c in 0..<12 where rng.next() % 4 != 0 {
                let pick = rng.next() % 3
                values["c\(c)"] = pick == 0 ? .special(code: -99_990 - Int(rng.next() % 10))
                    : .number(k < Self.awkward.count ? Self.awkward[k] : Double(bitPattern: rng.next() >> 2) * (pick == 1 ? 1 : -1))
            }
            written.append(values.filter { $0.value.number?.isFinite ?? true })
            let cells = AreaCells.encode(values, columns: &columns, added: &added)
            let back = try #require(AreaCells.decode(cells, names: columns.names))
            let expected = written.last!
            #expect(back.keys.sorted() == expected.keys.sorted())
            for (name, value) in expected {
                if case let .number(v) = value, case let .number(w)? = back[name] {
                    #expect(v.bitPattern == w.bitPattern, "\(v) came back as \(w)")
                } else {
                    #expect(back[name] == value)
                }
            }
        }
        #expect(added.map(\.position) == Array(0..<added.count), "positions are assigned once, in order")
    }

    @Test func notJSONArraysAreRefused() {
        for text in ["", "[", "[1,", "[1 2]", "[\"a\"]", "[1]x", "{}", "[nul]", "[nan]", "[1e999]"] {
            #expect(AreaCells.decode(AreaCells(numbers: text, codes: nil), names: ["a", "b"]) == nil, "\(text)")
        }
        #expect(AreaCells.decode(AreaCells(numbers: " [ 1 , null ,2.5 ] ", codes: "[null,-99997]"), names: ["a", "b", "c"])
                == ["a": .number(1), "b": .special(code: -99997), "c": .number(2.5)])
    }

    /// A store written before v14 (areas and one row per cell) opens with the same areas.
    @Test func aRowPerCellStoreIsMovedOver() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("old.sqlite")
        let old = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(old, upTo: "v13-no-location-index")
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO ingest_runs (id, kind, started_at, finished_at) VALUES (1, 'areas', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z');
                INSERT INTO area_sets (level, year, source, source_crs, run_id) VALUES ('pc4', 2020, 'f', 'EPSG:28992', 1);
                INSERT INTO areas (level, year, code, municipality, area_m2, point_x, point_y) VALUES
                    ('pc4', 2020, '3311', 'Dordrecht', 10, 1, 2), ('pc4', 2020, '3312', NULL, NULL, NULL, NULL),
                    ('pc4', 2020, '3313', NULL, 5, 3, 4);
                INSERT INTO area_values (level, year, code, indicator, value, special_code) VALUES
                    ('pc4', 2020, '3311', 'aantal_inwoners', 1500, NULL), ('pc4', 2020, '3311', 'x', NULL, -99997),
                    ('pc4', 2020, '3312', 'aantal_inwoners', 0.1, NULL), ('pc4', 2020, '3312', 'z', -2.5, NULL);
                """)
        }
        let store = try AtlasStore(path: path)
        let areas = try store.areas(level: .pc4, year: 2020)
        #expect(areas.map(\.code) == ["3311", "3312", "3313"])
        #expect(areas[0].values == ["aantal_inwoners": .number(1500), "x": .special(code: -99997)])
        #expect(areas[0].municipality == "Dordrecht" && areas[0].areaM2 == 10)
        #expect(areas[1].values == ["aantal_inwoners": .number(0.1), "z": .number(-2.5)])
        #expect(areas[2].values.isEmpty)
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM area_values") } == 4)
        #expect(try store.integrityCheck() == "ok")
    }
}
