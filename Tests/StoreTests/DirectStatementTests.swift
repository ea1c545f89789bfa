import Foundation
import GRDB
@testable import Store
import Testing

/// The C-API binding of the bulk inserts stores what GRDB's binding stores.
@Suite struct DirectStatementTests {
    @Test func valuesRoundTripAndEmptyTextIsNotNull() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT, b INTEGER, c REAL)")
            let insert = try DirectStatement(db, sql: "INSERT INTO t VALUES (?, ?, ?)")
            for (a, b, c) in [("x", 1, 0.5), ("", 2, -1.0), ("Dordrecht ë", 3, 2.25)] as [(String, Int64, Double)] {
                try insert.bind(1, a)
                try insert.bind(2, b)
                try insert.bind(3, c)
                #expect(try insert.step() == 1)
            }
            try insert.bind(1, nil as String?)
            try insert.bind(2, nil as Int64?)
            try insert.bind(3, nil as Double?)
            try insert.step()
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, a IS NULL FROM t ORDER BY rowid")
            #expect(rows.map { $0[0] as String? } == ["x", "", "Dordrecht ë", nil], "an empty string is stored as '', not NULL")
            #expect(rows.map { $0[1] as Int64? } == [1, 2, 3, nil])
            #expect(rows.map { $0[2] as Double? } == [0.5, -1.0, 2.25, nil])
        }
    }

    @Test func aFailedStepThrowsAndTheStatementCanGoOn() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (id TEXT PRIMARY KEY)")
            let insert = try DirectStatement(db, sql: "INSERT INTO t VALUES (?)")
            try insert.bind(1, "a")
            try insert.step()
            #expect(throws: DatabaseError.self) { try insert.step() }  // the same key again
            try insert.bind(1, "b")
            try insert.step()
            #expect(try String.fetchAll(db, sql: "SELECT id FROM t ORDER BY id") == ["a", "b"])
        }
    }

    @Test func theStoreHasNoIndexOnRequestLocations() throws {
        let store = try AtlasStore()
        let indexes = try store.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(!indexes.contains("requests_location"))
    }
}
