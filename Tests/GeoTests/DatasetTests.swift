import Foundation
import Geo
import Testing
import TestSupport

@Suite struct DatasetTests {
    @Test func readsTheSampleGeoPackage() throws {
        let ds = try VectorDataset(path: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        #expect(ds.driverName == "GPKG")
        let layer = try ds.layer()
        #expect(layer.name == "cbs_pc4_2020")
        #expect(layer.featureCount == 67)
        #expect(layer.spatialReference?.identifier == "EPSG:28992")
        let fields = layer.fields
        #expect(fields.first { $0.name == "postcode" }?.kind == .text)
        #expect(fields.first { $0.name == "aantal_inwoners" }?.kind == .integer)
        var population: Int64 = 0
        var count = 0
        for feature in layer {
            count += 1
            if case let .integer(v)? = feature.value(named: "aantal_inwoners"), v > 0 { population += v }
            #expect(feature.takeGeometry()?.isPolygonal == true)
        }
        #expect(count == 67)
        #expect(population == 420_125)
    }

    /// Areas and centroids against geopandas/shapely (Tests/Fixtures/expected/make_expected.py).
    @Test func areasAndCentroidsMatchAnIndependentComputation() throws {
        let expected = try Fixtures.readSimpleCSV(Fixtures.path("expected/drechtsteden_areas.csv"))
        let byCode = Dictionary(uniqueKeysWithValues: expected.map { ($0["postcode"]!, $0) })
        let layer = try VectorDataset(path: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg")).layer()
        var checked = 0
        for feature in layer {
            let code = try #require(feature.value(named: "postcode")?.text)
            let row = try #require(byCode[code])
            let g = try #require(feature.takeGeometry())
            let area = Double(row["area_m2"]!)!
            #expect(abs(g.area - area) / area < 0.001, "area of \(code)")
            let c = try g.centroid()
            #expect(abs(c.x - Double(row["centroid_x"]!)!) < 1 && abs(c.y - Double(row["centroid_y"]!)!) < 1)
            checked += 1
        }
        #expect(checked == 67)
    }

    @Test func distancesMatchAnIndependentComputation() throws {
        let layer = try VectorDataset(path: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg")).layer()
        var centroids: [String: (x: Double, y: Double)] = [:]
        for feature in layer {
            centroids[feature.value(named: "postcode")!.text] = try feature.takeGeometry()!.centroid()
        }
        for row in try Fixtures.readSimpleCSV(Fixtures.path("expected/drechtsteden_distances.csv")) {
            let a = centroids[row["from"]!]!, b = centroids[row["to"]!]!
            let d = Geometry.point(x: a.x, y: a.y).distance(to: Geometry.point(x: b.x, y: b.y))
            let expected = Double(row["centroid_distance_m"]!)!
            #expect(abs(d - expected) / expected < 0.001, "\(row["from"]!)–\(row["to"]!)")
        }
    }

    @Test func openingProblemsAreClearErrors() throws {
        let dir = try TemporaryDirectory()
        #expect(throws: GeoError.cannotOpen(path: dir.path("nope.gpkg"), reason: "no such file")) {
            try VectorDataset(path: dir.path("nope.gpkg"))
        }
        #expect(throws: GeoError.cannotOpen(path: dir.url.path, reason: "it is a directory, not a file")) {
            try VectorDataset(path: dir.url.path)
        }
        let text = try dir.write("notes.gpkg", "this is not a GeoPackage\n")
        #expect(throws: GeoError.self) { try VectorDataset(path: text) }
        let empty = try dir.write("empty.geojson", "")
        #expect(throws: GeoError.self) { try VectorDataset(path: empty) }
    }
}

@Suite struct GeoPackageWriterTests {
    @Test func writesALayerInRDNewThatGDALReadsBack() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("out.gpkg")
        let writer = try VectorFileWriter(path: path)
        let layer = try writer.addLayer(
            name: "areas", spatialReference: SpatialReference(epsg: 28992), geometryKind: .multiPolygon,
            fields: [FieldDefinition(name: "code", kind: .text), FieldDefinition(name: "n", kind: .integer),
                     FieldDefinition(name: "share", kind: .real)])
        try layer.add([.text("3311"), .integer(7), .real(0.25)],
                      geometry: Geometry(wkt: "POLYGON ((0 0, 10 0, 10 10, 0 0))"))
        try layer.add([.text("<b>&"), .null, .real(.nan)], geometry: nil)
        #expect(!FileManager.default.fileExists(atPath: path), "nothing at the final name before commit")
        try writer.commit()

        let back = try VectorDataset(path: path).layer(named: "areas")
        #expect(back.spatialReference?.identifier == "EPSG:28992")
        #expect(back.featureCount == 2)
        let features = Array(back)
        #expect(features[0].value(named: "code") == .text("3311"))
        #expect(features[0].value(named: "n") == .integer(7))
        #expect(features[0].value(named: "share") == .real(0.25))
        #expect(features[0].takeGeometry()?.typeName == "MULTIPOLYGON")
        #expect(features[1].value(named: "code") == .text("<b>&"))
        #expect(features[1].value(named: "n") == .null)
        #expect(features[1].value(named: "share") == .null)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
        #expect(leftovers == ["out.gpkg"])
    }

    @Test func aWriterDroppedWithoutCommitLeavesNothing() throws {
        let dir = try TemporaryDirectory()
        do {
            let writer = try VectorFileWriter(path: dir.path("half.gpkg"))
            _ = try writer.addLayer(name: "x", spatialReference: SpatialReference(epsg: 28992),
                                    geometryKind: .point, fields: [])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }
}
