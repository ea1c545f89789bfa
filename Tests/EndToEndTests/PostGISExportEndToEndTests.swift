import CSV
import Foundation
import Geo
import Testing
import TestSupport

/// `export --format postgis`: the atlas layers and the protected tables of a demo run, written to
/// a real PostgreSQL + PostGIS server through GDAL's PostgreSQL driver and read back through
/// GDAL, cell by cell against the run's CSV files, with the QGIS styles in public.layer_styles.
@Suite(.serialized) struct PostGISExportEndToEndTests {
    static let run: (dir: TemporaryDirectory, status: Int32, log: String) = {
        let dir = try! TemporaryDirectory()
        let r = try! RunCommandTests.hulpatlas([
            "run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--stats", "Data/pc4_gemeente_drechtsteden.csv",
            "--requests", "Data/sample_requests.csv", "--helpers", "Data/sample_helpers.csv",
            "--out", dir.url.path, "--db", dir.path("atlas.sqlite")])
        return (dir, r.status, r.stdout + r.stderr)
    }()

    static func export(schema: String) throws -> RunCommandTests.Result {
        try RunCommandTests.hulpatlas(["export", "--db", run.dir.path("atlas.sqlite"), "--format", "postgis",
                                       "--to", try PostGISServer.connection.get(), "--schema", schema])
    }

    static func layer(_ name: String, schema: String) throws -> (VectorDataset, Layer) {
        let dataset = try VectorDataset(path: try PostGISServer.connection.get() + " schemas=\(schema)")
        return (dataset, try dataset.layer(named: name))
    }

    /// A cell read back, as the CSV writes it: whole numbers plainly, reals compared as numbers.
    static func same(_ value: FieldValue?, _ cell: String) -> Bool {
        switch value {
        case .none, .null?: return cell.isEmpty
        case let .integer(v)?: return String(v) == cell
        case let .real(v)?: return Double(cell).map { abs($0 - v) <= 1e-9 * max(1, abs(v)) } ?? false
        case let .text(s)?: return s == cell
        }
    }

    @Test func theAtlasAndEveryProtectedTableRoundTripThroughPostGIS() throws {
        #expect(Self.run.status == 0, "\(Self.run.log)")
        let exported = try Self.export(schema: "e2e_atlas")
        #expect(exported.status == 0, "\(exported.stdout)\(exported.stderr)")
        let folder = Self.run.dir.url.path

        // areas: every area of areas.csv, its households and percentiles, its polygon's area.
        let areas = try Fixtures.readSimpleCSV(Self.run.dir.path("areas.csv"))
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0["area_code"] ?? "", $0) })
        let (areasSet, areasLayer) = try Self.layer("areas", schema: "e2e_atlas")
        #expect(try areasLayer.spatialReference?.isSame(as: SpatialReference(epsg: 28992)) == true)
        var seen = 0
        for feature in areasLayer {
            guard case let .text(code)? = feature.value(named: "area_code"), let row = byCode[code] else {
                Issue.record("an area not in areas.csv"); continue
            }
            seen += 1
            #expect(Self.same(feature.value(named: "households"), row["households"] ?? "") || row["households"] == "",
                    "\(code) households")
            if case let .real(p)? = feature.value(named: "debt_percentile"), let expected = Double(row["debt_percentile"] ?? "") {
                #expect(abs(p - expected) <= 0.005, "\(code) debt_percentile")
            }
            let km2 = (feature.takeGeometry()?.area ?? 0) / 1_000_000
            #expect(abs(km2 - (Double(row["area_km2"] ?? "") ?? -1)) <= 1e-3 * max(1, km2), "\(code) area")
        }
        #expect(seen == areas.count && seen == 67)
        _ = areasSet

        // targets: the plan of targets.csv, in its order.
        let targets = try Fixtures.readSimpleCSV(Self.run.dir.path("targets.csv"))
        let (targetsSet, targetsLayer) = try Self.layer("targets", schema: "e2e_atlas")
        let readTargets = targetsLayer.map { ($0.value(named: "area_code")?.text ?? "", $0.value(named: "flyers")?.text ?? "") }
        #expect(readTargets.map(\.0) == targets.map { $0["area_code"] ?? "" } && !targets.isEmpty)
        #expect(readTargets.map(\.1) == targets.map { $0["flyers"] ?? "" })
        _ = targetsSet

        // Every protected table, cell by cell (hidden cells are NULL where the CSV is empty).
        let tables = exported.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("e2e_atlas.") }.map { String($0.dropFirst("e2e_atlas.".count)) }
            .filter { $0 != "areas" && $0 != "targets" }
        #expect(tables.contains("quarterly") && tables.contains("monthly") && tables.contains("columns"), "\(tables)")
        for table in tables {
            let csv = try CSVRows.read((folder as NSString).appendingPathComponent("\(table).csv"))
            let (dataset, layer) = try Self.layer(table, schema: "e2e_atlas")
            let features = Array(layer)
            #expect(features.count == csv.rows.count, "\(table): \(features.count) rows, CSV \(csv.rows.count)")
            for (feature, row) in zip(features, csv.rows) {
                for (column, cell) in zip(csv.header, row) where !Self.same(feature.value(named: column), cell) {
                    Issue.record("\(table).\(column): \(String(describing: feature.value(named: column))) ≠ '\(cell)'")
                }
            }
            _ = dataset
        }

        // QGIS finds the styles in public.layer_styles, one default per layer.
        let styles = try PostGISServer.psql("SELECT f_table_name || ':' || useasdefault FROM public.layer_styles "
                                            + "WHERE f_table_schema = 'e2e_atlas' ORDER BY id", connection: try PostGISServer.connection.get())
        #expect(styles.split(separator: "\n") == ["areas:true", "areas:false", "targets:true"], "\(styles)")
    }

    @Test func aSecondExportReplacesTheFirst() throws {
        #expect(Self.run.status == 0, "\(Self.run.log)")
        for _ in 0..<2 { #expect(try Self.export(schema: "e2e_twice").status == 0) }
        let connection = try PostGISServer.connection.get()
        #expect(try PostGISServer.psql("SELECT count(*) FROM e2e_twice.areas", connection: connection)
            .trimmingCharacters(in: .whitespacesAndNewlines) == "67")
        #expect(try PostGISServer.psql("SELECT count(*) FROM public.layer_styles WHERE f_table_schema = 'e2e_twice'",
                                       connection: connection).trimmingCharacters(in: .whitespacesAndNewlines) == "3")
    }

    @Test func withoutAConnectionStringTheCommandSaysWhatItNeeds() throws {
        let r = try RunCommandTests.hulpatlas(["export", "--db", "/nonexistent.sqlite", "--format", "postgis"])
        #expect(r.status != 0 && r.stderr.contains("--to \"PG:"), "\(r.stderr)")
    }
}

/// A CSV file as the tool wrote it (quoted cells: columns.csv has commas in its descriptions).
enum CSVRows {
    static func read(_ path: String) throws -> (header: [String], rows: [[String]]) {
        guard let stream = InputStream(fileAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        let reader = try CSVReader(stream: stream, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return (reader.headerRow ?? [], rows)
    }
}
