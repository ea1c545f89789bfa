import Atlas
import Foundation
import Geo
import Ingest
import Store
import Testing
import TestSupport

/// Each broken input gives a clear error or a reported reject; counts always add up.
@Suite struct AreaIngestFixtureTests {
    func ingest(_ file: String, stats: [String] = [], year: Int? = 2020,
                configure: (inout AreaIngestOptions) -> Void = { _ in }) throws -> (AreaIngestSummary, AtlasStore) {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: Fixtures.path("areas/\(file)"))
        options.statistics = stats.map { Fixtures.path("areas/\($0)") }
        options.year = year
        configure(&options)
        return (try AreaIngest.run(options, store: store), store)
    }

    @Test func brokenFeaturesAreReportedNeverDropped() throws {
        let (s, store) = try ingest("small_rd.geojson")
        #expect(s.areasRead == 8)
        let boundaries = s.files[0]
        #expect(boundaries.read == boundaries.accepted + boundaries.rejected)
        // Rejected rows: the duplicate 1000 and the malformed "12".
        let rowRejects = s.rejects.filter(\.rowRejected)
        #expect(rowRejects.map(\.value).sorted() == ["1000", "12"])
        #expect(rowRejects.contains { $0.reason.contains("duplicate postcode") && $0.line == 4 })
        #expect(rowRejects.contains { $0.reason.contains("not a postcode") && $0.line == 5 })
        // Kept without a shape: the empty polygon (GDAL's GeoJSON reader makes it null), the
        // null geometry and the point.
        #expect(s.areasWithoutShape == ["1002", "1003", "1004"])
        let shapeReasons = s.rejects.filter { !$0.rowRejected }.map(\.reason)
        #expect(shapeReasons.filter { $0.hasPrefix("the feature has no geometry") }.count == 2)
        #expect(shapeReasons.contains { $0.hasPrefix("not a polygon") })
        // The bowtie was repaired.
        #expect(s.repairedGeometries == ["1001"])
        #expect(s.areasStored == 6)

        let areas = Dictionary(uniqueKeysWithValues: try store.areas(level: .pc4, year: 2020).map { ($0.code, $0) })
        #expect(areas["1000"]?.areaM2 == 1_000_000)
        #expect(areas["1000"]?.municipality == "Testdam")
        #expect(areas["1001"]?.values["aantal_inwoners"] == .special(code: -99997))
        #expect(abs((areas["1001"]?.areaM2 ?? 0) - 50) < 1e-6)
        #expect(areas["1002"]?.areaM2 == nil && areas["1002"]?.pointX == nil)
        #expect(areas["1002"]?.values["aantal_inwoners"] == .number(40))
        #expect(store.areaSetsHaveGeometry(for: ["1000", "1001", "1005"]))
    }

    @Test func statisticsAreJoinedAndUnmatchedCodesListedBothWays() throws {
        let (s, store) = try ingest("small_rd.geojson", stats: ["small_stats.csv"])
        let stats = s.files[1]
        #expect(stats.read == 7)
        #expect(stats.read == stats.accepted + stats.rejected)
        #expect(stats.rejected == 2)  // "abc" and the second 1000
        #expect(s.statisticsJoined.map(\.joined) == [4])  // 1000, 1001, 1005, 1003
        #expect(s.codesWithoutGeometry == ["9999"])
        #expect(s.areasWithoutStatistics == ["1002", "1004"])
        // A word in a numeric column: the row stays, the value is missing and reported.
        let valueReject = try #require(s.rejects.first { !$0.rowRejected && $0.field == "aantal_part_huishoudens" })
        #expect(valueReject.value == "geheim" && valueReject.line == 7)

        let areas = Dictionary(uniqueKeysWithValues: try store.areas(level: .pc4, year: 2020).map { ($0.code, $0) })
        #expect(areas["1000"]?.values["gemiddelde_huishoudensgrootte"] == .number(2.4), "decimal comma")
        #expect(areas["1000"]?.households == 500)
        #expect(areas["1001"]?.values["aantal_part_huishoudens"] == .special(code: -99997))
        #expect(areas["1005"]?.values["aantal_part_huishoudens"] == nil)
        // The boundary file's municipality wins; the table fills in where it has none.
        #expect(areas["1000"]?.municipality == "Testdam")
        let indicators = Dictionary(uniqueKeysWithValues: s.indicators.map { ($0.name, $0) })
        #expect(indicators["aantal_part_huishoudens"]?.special == 1)
        #expect(indicators["aantal_part_huishoudens"]?.numbers == 2)
        #expect(indicators["aantal_part_huishoudens"]?.empty == 3)
    }

    @Test func aFileWithoutPostcodeColumnIsAClearErrorNamingTheColumns() throws {
        #expect(throws: IngestError.noKeyColumn(file: Fixtures.path("areas/no_postcode.geojson"),
                                                columns: ["id", "naam"], flag: "--key")) {
            try ingest("no_postcode.geojson")
        }
        // Naming a column that holds no postcodes rejects every row: a whole-file error.
        #expect(throws: IngestError.noUsableAreas(file: Fixtures.path("areas/no_postcode.geojson"), rejected: 1)) {
            try ingest("no_postcode.geojson") { $0.key = "id" }
        }
    }

    @Test func anEmptyGeometryKeepsTheAreaWithoutAShapeAndSaysSo() throws {
        let (s, store) = try ingest("empty_geometry.csv") { $0.sourceCRS = "EPSG:28992" }
        #expect(s.areasStored == 2 && s.areasWithoutShape == ["3311"])
        let reject = try #require(s.rejects.first)
        #expect(!reject.rowRejected && reject.line == 2 && reject.field == "geometry")
        #expect(reject.reason.hasPrefix("empty geometry"))
        let areas = try store.areas(level: .pc4, year: 2020)
        #expect(areas.map(\.code) == ["3311", "3312"])
        #expect(areas[0].areaM2 == nil && areas[0].population == 120)
        #expect(areas[1].areaM2 == 1_000_000)
    }

    @Test func aFileThatIsNotAVectorSourceIsAClearError() {
        #expect(throws: GeoError.notAVectorSource(path: Fixtures.path("areas/not_vector.txt"))) {
            try ingest("not_vector.txt")
        }
    }

    @Test func aSourceWithoutCoordinateSystemNeedsSrs() throws {
        #expect(throws: GeoError.noSpatialReference(path: Fixtures.path("areas/wkt_no_crs.csv"))) {
            try ingest("wkt_no_crs.csv")
        }
        let (s, store) = try ingest("wkt_no_crs.csv") { $0.sourceCRS = "EPSG:28992" }
        #expect(s.areasStored == 1)
        #expect(try store.areas(level: .pc4, year: 2020).first?.areaM2 == 1_000_000)
    }

    @Test func aFileWhoseEveryRowIsBadLeavesTheStoreUnchanged() throws {
        let store = try AtlasStore()
        var good = AreaIngestOptions(boundaries: Fixtures.path("areas/small_rd.geojson"))
        good.year = 2020
        _ = try AreaIngest.run(good, store: store)
        var bad = AreaIngestOptions(boundaries: Fixtures.path("areas/no_postcode.geojson"))
        bad.year = 2020
        bad.key = "naam"
        bad.level = .pc4
        #expect(throws: IngestError.self) { try AreaIngest.run(bad, store: store) }
        #expect(try store.areas(level: .pc4, year: 2020).count == 6)
    }

    @Test func yearComesFromTheFileNamesOrMustBeGiven() throws {
        #expect(throws: IngestError.self) { try ingest("small_rd.geojson", year: nil) }
        let (s, _) = try ingest("cbs_pc4_2020_drechtsteden_wgs84.geojson", year: nil)
        #expect(s.year == 2020)
    }
}

extension AtlasStore {
    /// True when every listed area of pc4 2020 has a stored geometry whose point lies inside it.
    func areaSetsHaveGeometry(for codes: [String]) -> Bool {
        guard let geometries = try? areaGeometries(level: .pc4, year: 2020),
              let areas = try? areas(level: .pc4, year: 2020) else { return false }
        return codes.allSatisfy { code in
            guard let wkb = geometries[code], let g = try? Geometry(wkb: [UInt8](wkb)),
                  let a = areas.first(where: { $0.code == code }), let x = a.pointX, let y = a.pointY else { return false }
            return g.touchesOrIntersects(Geometry.point(x: x, y: y))
        }
    }
}
