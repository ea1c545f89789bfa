import Atlas
import Foundation
import Geo
import Ingest
import Store
import Testing
import TestSupport

/// Ingest of real CBS data: the embedded sample always, the national files when ../shared is present.
@Suite struct AreaIngestRealDataTests {
    @Test func drechtstedenSampleMatchesAnIndependentComputation() throws {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        options.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        let s = try AreaIngest.run(options, store: store)
        #expect(s.level == .pc4 && s.year == 2020 && s.sourceCRS == "EPSG:28992")
        #expect(s.areasStored == 67 && s.rejects.isEmpty)
        #expect(s.population == 420_125)
        #expect(s.indicators.reduce(0) { $0 + $1.special } == 90)

        let areas = try store.areas(level: .pc4, year: 2020)
        let expected = try Fixtures.readSimpleCSV(Fixtures.path("expected/drechtsteden_areas.csv"))
        #expect(areas.count == expected.count)
        for (area, row) in zip(areas, expected) {
            #expect(area.code == row["postcode"])
            let m2 = Double(row["area_m2"]!)!
            #expect(abs(area.areaM2! - m2) / m2 < 0.001, "area of \(area.code)")
            #expect(area.municipality != nil)
        }
        #expect(store.areaSetsHaveGeometry(for: areas.map(\.code)), "every point on surface lies inside its area")
        #expect(Set(areas.compactMap(\.municipality)).contains("Dordrecht"))
    }

    /// The same areas as EPSG:4326 GeoJSON: reprojected areas agree with pyproj's to within 0.1%.
    @Test func wgs84GeoJSONIsReprojectedToRDNew() throws {
        let store = try AtlasStore()
        let s = try AreaIngest.run(AreaIngestOptions(
            boundaries: Fixtures.path("areas/cbs_pc4_2020_drechtsteden_wgs84.geojson")), store: store)
        #expect(s.sourceCRS == "EPSG:4326")
        let expected = Dictionary(uniqueKeysWithValues: try Fixtures.readSimpleCSV(
            Fixtures.path("expected/drechtsteden_areas.csv")).map { ($0["postcode"]!, $0) })
        let areas = try store.areas(level: .pc4, year: 2020)
        #expect(areas.count == 67)
        for area in areas {
            let m2 = Double(expected[area.code]!["area_m2_from_wgs84"]!)!
            #expect(abs(area.areaM2! - m2) / m2 < 0.001, "area of \(area.code)")
            // A point in RD New (metres), not degrees.
            #expect((90_000...130_000).contains(area.pointX!) && (410_000...440_000).contains(area.pointY!))
        }
    }

    @Test(.enabled(if: Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_nl.gpkg") != nil, "needs ../shared/data"))
    func nationalCBSFile() throws {
        let store = try AtlasStore()
        let s = try AreaIngest.run(AreaIngestOptions(boundaries: Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_nl.gpkg")!),
                                   store: store)
        #expect(s.areasRead == 4068 && s.areasStored == 4068)
        #expect(s.indicators.reduce(0) { $0 + $1.special } == 10_741)
        #expect(s.areasWithoutShape == ["5028"], "PC4 5028 has an empty polygon in the source")
        let secretInSQL = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM area_values WHERE special_code = -99997")
        }
        #expect(secretInSQL == 10_741)
        let numbersBelowThreshold = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM area_values WHERE value <= -99990")
        }
        #expect(numbersBelowThreshold == 0, "no CBS code stored as a number")
        let a3311 = try #require(try store.areas(level: .pc4, year: 2020).first { $0.code == "3311" })
        #expect(abs(a3311.areaM2! / 1_000_000 - 2.455) < 0.01)
    }

    @Test(.enabled(if: Fixtures.shared("nl-pc4/pc4_boundaries.geojson") != nil, "needs ../shared/data"))
    func nationalBoundariesWithASeparateTable() throws {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.shared("nl-pc4/pc4_boundaries.geojson")!)
        options.statistics = [Fixtures.shared("nl-pc4/pc4_population_2021.csv")!]
        let s = try AreaIngest.run(options, store: store)
        #expect(s.year == 2021 && s.sourceCRS == "EPSG:4326")
        #expect(s.areasStored == 4038)
        #expect(s.files[1].read == 4074 && s.files[1].accepted == 4074)
        #expect(s.statisticsJoined.map(\.joined) == [4035])
        #expect(s.codesWithoutGeometry.count == 39)
        #expect(s.areasWithoutStatistics == ["3165", "3895", "6236"])
        let a3311 = try #require(try store.areas(level: .pc4, year: 2021).first { $0.code == "3311" })
        #expect(abs(a3311.areaM2! / 1_000_000 - 2.4) < 0.1)
        #expect(a3311.population != nil)
    }
}
