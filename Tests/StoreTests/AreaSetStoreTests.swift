import Atlas
import Foundation
import GRDB
import Store
import Testing
import TestSupport

@Suite struct AreaSetStoreTests {
    static let square: [UInt8] = [1, 3, 0, 0, 0, 1, 0, 0, 0, 5, 0, 0, 0] + [
        (0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0),
    ].flatMap { p in withUnsafeBytes(of: p.0.bitPattern.littleEndian, Array.init)
        + withUnsafeBytes(of: p.1.bitPattern.littleEndian, Array.init) }

    func area(_ code: String, _ values: [String: CBSValue], municipality: String? = nil) -> AreaRecord {
        AreaRecord(code: code, level: .pc4, year: 2020, municipality: municipality, areaM2: 100, pointX: 5, pointY: 5,
                   values: values)
    }

    func replace(_ store: AtlasStore, _ areas: [AreaRecord]) throws {
        _ = try store.replaceAreaSet(level: .pc4, year: 2020, source: "test", sourceCRS: "EPSG:28992",
                                     startedAt: Date()) { writer in
            for a in areas { try writer.insert(a, wkb: Self.square) }
            return ((), [IngestFileCount(file: "test", role: "boundaries", read: areas.count, accepted: areas.count)], [])
        }
    }

    @Test func storesAreasWithValuesAndCodesApart() throws {
        let store = try AtlasStore()
        try replace(store, [area("3311", ["aantal_inwoners": .number(100), "x": .special(code: -99997)], municipality: "Dordrecht"),
                            area("3312", ["aantal_inwoners": .special(code: -99997), "x": .empty])])
        let areas = try store.areas(level: .pc4, year: 2020)
        #expect(areas.map(\.code) == ["3311", "3312"])
        #expect(areas[0].values["x"] == .special(code: -99997))
        #expect(areas[0].municipality == "Dordrecht")
        #expect(areas[1].values["x"] == nil, "empty cells are not stored")
        // A CBS code never enters an SQL aggregate over values.
        let sum = try store.read { db in
            try Double.fetchOne(db, sql: "SELECT SUM(value) FROM area_values WHERE indicator = 'aantal_inwoners'")
        }
        #expect(sum == 100)
    }

    @Test func reRunningReplacesTheSet() throws {
        let store = try AtlasStore()
        try replace(store, [area("3311", [:]), area("3312", [:])])
        try replace(store, [area("3313", [:])])
        #expect(try store.areas(level: .pc4, year: 2020).map(\.code) == ["3313"])
        #expect(try store.areaSets().map(\.areaCount) == [1])
    }

    @Test func aFailedIngestLeavesTheStoreAsItWas() throws {
        struct Boom: Error {}
        let store = try AtlasStore()
        try replace(store, [area("3311", ["a": .number(1)])])
        #expect(throws: Boom.self) {
            _ = try store.replaceAreaSet(level: .pc4, year: 2020, source: "bad", sourceCRS: "EPSG:28992",
                                         startedAt: Date()) { writer -> ((), [IngestFileCount], [Reject]) in
                try writer.insert(self.area("9999", [:]), wkb: Self.square)
                throw Boom()
            }
        }
        let areas = try store.areas(level: .pc4, year: 2020)
        #expect(areas.map(\.code) == ["3311"])
        #expect(areas[0].values["a"] == .number(1))
    }

    /// One row per area, its cells as JSON arrays: a hand edit that is not JSON is refused, and
    /// the long view gives every stored cell once, as a value or as a code, never both.
    @Test func cellsAreJSONAndTheLongViewGivesEachCellOnce() throws {
        let store = try AtlasStore()
        try replace(store, [area("3311", ["a": .number(1.5), "b": .special(code: -99997)]),
                            area("3312", ["b": .number(2), "c": .number(-0.25)])])
        #expect(throws: DatabaseError.self) {
            try store.write { try $0.execute(sql: "UPDATE areas SET numbers = '[1, 2' WHERE code = '3311'") }
        }
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT code, indicator, value, special_code FROM area_values ORDER BY code, indicator")
        }
        #expect(rows.map { "\($0[0] as String) \($0[1] as String) \(($0[2] as Double?).map { "\($0)" } ?? "-") \(($0[3] as Int?).map { "\($0)" } ?? "-")" }
                == ["3311 a 1.5 -", "3311 b - -99997", "3312 b 2.0 -", "3312 c -0.25 -"])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM areas") } == 2, "one row per area")
    }

    @Test func aSubsetOfColumnsIsReadAlone() throws {
        let store = try AtlasStore()
        try replace(store, [area("3311", ["a": .number(1), "b": .number(2), "c": .special(code: -99995)])])
        #expect(try store.areas(level: .pc4, year: 2020, only: ["b"])[0].values == ["b": .number(2)])
        #expect(try store.areas(level: .pc4, year: 2020, only: ["c", "zz"])[0].values == ["c": .special(code: -99995)])
        #expect(try store.areas(level: .pc4, year: 2020, only: [])[0].values.isEmpty)
    }

    @Test func aCorruptCellRowIsAnErrorNotMissingData() throws {
        let store = try AtlasStore()
        try replace(store, [area("3311", ["a": .number(1)])])
        try store.write { try $0.execute(sql: #"UPDATE areas SET numbers = '["words"]' WHERE code = '3311'"#) }
        #expect(throws: StoreError.self) { _ = try store.areas(level: .pc4, year: 2020) }
    }

    @Test func wordColumnsAreRemovedFromEveryArea() throws {
        let store = try AtlasStore()
        _ = try store.replaceAreaSet(level: .pc4, year: 2020, source: "test", sourceCRS: "EPSG:28992",
                                     startedAt: Date()) { writer in
            try writer.insert(area("3311", ["a": .number(1), "name": .number(7)]), wkb: Self.square)
            try writer.insert(area("3312", ["name": .special(code: -99997), "a": .number(3)]), wkb: Self.square)
            try writer.deleteIndicatorValues("name")
            try writer.deleteIndicatorValues("never seen")
            return ((), [IngestFileCount(file: "test", role: "boundaries", read: 2, accepted: 2)], [])
        }
        #expect(try store.areas(level: .pc4, year: 2020).map(\.values) == [["a": .number(1)], ["a": .number(3)]])
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM area_values WHERE indicator = 'name'") } == 0)
    }

    @Test func runCountsAndRejectsAreRecorded() throws {
        let store = try AtlasStore()
        let reject = Reject(file: "f.csv", line: 3, field: "postcode", value: "33", reason: "bad")
        let (_, runID) = try store.replaceAreaSet(level: .pc4, year: 2020, source: "f", sourceCRS: "EPSG:28992",
                                                  startedAt: Date()) { writer in
            try writer.insert(self.area("3311", [:]), wkb: Self.square)
            return ((), [IngestFileCount(file: "f.csv", role: "boundaries", read: 2, accepted: 1)], [reject])
        }
        #expect(try store.rejects(runID: runID) == [reject])
    }

    @Test func fileStoreSurvivesReopeningAndPassesIntegrityCheck() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("sub/atlas.sqlite")
        try replace(try AtlasStore(path: path), [area("3311", ["a": .number(2)])])
        let reopened = try AtlasStore(path: path)
        #expect(try reopened.integrityCheck() == "ok")
        #expect(try reopened.areas(level: .pc4, year: 2020).first?.values["a"] == .number(2))
        #expect(try reopened.resolveAreaSet(level: nil, year: nil).label == "pc4 2020")
        #expect(throws: StoreError.self) { try reopened.resolveAreaSet(level: .pc6, year: nil) }
    }
}
