import Foundation
import Geo
import Testing
import TestSupport

/// PostGISWriter against a real PostgreSQL + PostGIS server: a schema is replaced whole on
/// commit, a writer released without commit leaves the database as it was, and a database
/// without PostGIS or a schema name that is not plain is a clear error.
@Suite(.serialized) struct PostGISWriterTests {
    static func connection() throws -> String { try PostGISServer.connection.get() }

    static func write(_ schema: String, points: [(String, Double)], commit: Bool) throws {
        let writer = try PostGISWriter(connection: try connection(), schema: schema)
        let layer = try writer.addLayer(name: "points", spatialReference: try SpatialReference(epsg: 28992),
                                        geometryKind: .point,
                                        fields: [FieldDefinition(name: "code", kind: .text),
                                                 FieldDefinition(name: "Aantal_Inwoners", kind: .real)],
                                        fidColumn: nil)
        for (i, p) in points.enumerated() {
            try layer.add([.text(p.0), .real(p.1)], geometry: Geometry.point(x: 100_000 + Double(i), y: 430_000))
        }
        try writer.addStyles([LayerStyle(table: "points", name: "test", qml: "<!DOCTYPE qgis><qgis version=\"3.28.0\"/>",
                                         description: "it's quoted")])
        if commit { try writer.commit() }
    }

    static func read(_ schema: String) throws -> [String: FieldValue] {
        let dataset = try VectorDataset(path: try connection() + " schemas=\(schema)")
        var out: [String: FieldValue] = [:]
        for feature in try dataset.layer(named: "points") {
            if case let .text(code)? = feature.value(named: "code") { out[code] = feature.value(named: "Aantal_Inwoners") }
        }
        return out
    }

    static func sql(_ query: String) throws -> String {
        try PostGISServer.psql(query, connection: try connection()).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aCommitReplacesTheSchemaWholeWithItsStyles() throws {
        try Self.write("geo_replace", points: [("a", 1), ("b", 2), ("c", 3)], commit: true)
        #expect(try Self.read("geo_replace") == ["a": .real(1), "b": .real(2), "c": .real(3)])
        try Self.write("geo_replace", points: [("d", 4)], commit: true)
        #expect(try Self.read("geo_replace") == ["d": .real(4)])
        // Column names as given (no laundering), the geometry in EPSG:28992 under "geom".
        #expect(try Self.sql("SELECT f_geometry_column || ' ' || srid FROM geometry_columns WHERE f_table_schema = 'geo_replace'")
                == "geom 28992")
        // One style row per style, not one per export; the quote survived.
        #expect(try Self.sql("SELECT count(*) || ' ' || min(description) || ' ' || bool_and(useasdefault) FROM public.layer_styles WHERE f_table_schema = 'geo_replace'")
                == "1 it's quoted true")
    }

    @Test func aWriterReleasedWithoutCommitLeavesTheDatabaseAsItWas() throws {
        try Self.write("geo_atomic", points: [("a", 1)], commit: true)
        try Self.write("geo_atomic", points: [("x", 9), ("y", 9)], commit: false)
        #expect(try Self.read("geo_atomic") == ["a": .real(1)])
        #expect(try Self.sql("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'geo_atomic_staging%'") == "0")
        // The control: the same write committed does replace it.
        try Self.write("geo_atomic", points: [("x", 9), ("y", 9)], commit: true)
        #expect(try Self.read("geo_atomic") == ["x": .real(9), "y": .real(9)])
    }

    @Test func aDatabaseWithoutPostGISSaysHowToAddIt() throws {
        let base = try Self.connection()
        if try PostGISServer.psql("SELECT 1 FROM pg_database WHERE datname = 'no_postgis'", connection: base)
            .trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            _ = try PostGISServer.psql("CREATE DATABASE no_postgis", connection: base)
        }
        let plain = base.replacingOccurrences(of: "dbname=hulpatlas", with: "dbname=no_postgis")
        #expect(plain != base)
        do {
            _ = try PostGISWriter(connection: plain, schema: "x")
            Issue.record("no error without PostGIS")
        } catch {
            #expect("\(error)".contains("CREATE EXTENSION postgis"), "\(error)")
        }
    }

    @Test(arguments: ["Hulpatlas", "a-b", "a;drop", "", "_x", String(repeating: "a", count: 41)])
    func aSchemaNameThatIsNotPlainIsRefused(_ name: String) throws {
        #expect(throws: GeoError.self) { _ = try PostGISWriter(connection: try Self.connection(), schema: name) }
    }

    @Test func aConnectionStringThatIsNotPGIsRefused() {
        #expect(throws: GeoError.self) { _ = try PostGISWriter(connection: "/tmp/some.gpkg", schema: "x") }
    }
}
