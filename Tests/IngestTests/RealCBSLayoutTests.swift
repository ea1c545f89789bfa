import Atlas
import Foundation
import Ingest
import Store
import Testing
import TestSupport

/// The CBS files as CBS publishes them (../shared/data): every layout gives the same figures
/// as the cleaned files. Skipped when ../shared is absent.
@Suite struct RealCBSLayoutTests {
    static let gpkg2020 = Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_nl.gpkg")
    static let buurten = Fixtures.shared("cbs-wijkbuurt-2023-drechtsteden/buurten_2023_drechtsteden.geojson")

    /// Ingests the national PC4 2020 shapes (only shapes and codes) with one statistics table.
    static func ingest(_ stats: String, year: Int? = nil, boundariesOnly: Bool = true) throws
        -> (summary: AreaIngestSummary, areas: [AreaRecord]) {
        let store = try AtlasStore()
        var options = AreaIngestOptions(boundaries: try #require(gpkg2020))
        options.statistics = [stats]
        options.year = year
        options.boundariesOnly = boundariesOnly
        let summary = try AreaIngest.run(options, store: store)
        return (summary, try store.areas(level: .pc4, year: summary.year))
    }

    static func values(_ areas: [AreaRecord]) -> [String: [String: CBSValue]] {
        Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0.values) })
    }

    @Test(.enabled(if: gpkg2020 != nil))
    func statisticsOfAnotherYearWinAndSetTheYear() throws {
        let stats = try #require(Fixtures.shared("cbs-pc4-2022/cbs_pc4_2022_v1.csv"))
        // No --boundaries-only, no --year: the 2020 file's own statistics must not leak in.
        let (summary, areas) = try Self.ingest(stats, boundariesOnly: false)
        #expect(summary.year == 2022)
        let dordrecht = try #require(areas.first { $0.code == "3311" })
        #expect(dordrecht.population == 16700)
        #expect(dordrecht.values["percentage_westerse_migr_achtergr"] == nil, "a 2020-only column is not kept for 2022")
        #expect(summary.notes.contains { $0.contains("a 2020 file for a 2022 area set") })
        #expect(summary.notes.contains { $0.contains("the file name says 2020, the area set is 2022") })
    }

    @Test(.enabled(if: gpkg2020 != nil))
    func theOriginal2022CSVGivesTheValuesOfTheCleanOne() throws {
        let original = try Self.ingest(try #require(Fixtures.shared("cbs-pc4-2022/PC4_2022_v1_original.csv")))
        let clean = try Self.ingest(try #require(Fixtures.shared("cbs-pc4-2022/cbs_pc4_2022_v1.csv")))
        #expect(original.summary.indicators.count == 37)
        #expect(Self.values(original.areas) == Self.values(clean.areas))
        #expect(original.summary.notes.contains { $0.contains("Dutch labels of Kerncijfers per postcode PC4 2022 v1") })
        // -99997.0 in the float column is a code, never a number.
        let a1332 = try #require(original.areas.first { $0.code == "1332" })
        #expect(a1332.values["gemiddelde_huishoudensgrootte"] == .special(code: -99997))
    }

    @Test(.enabled(if: gpkg2020 != nil))
    func theOriginal2020SpreadsheetGivesTheValuesOfTheCSV() throws {
        let xlsx = try Self.ingest(try #require(Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_v1_original.xlsx")))
        let csv = try Self.ingest(try #require(Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_v1.csv")))
        #expect(xlsx.summary.files[1].read == 4068 && xlsx.summary.files[1].accepted == 4068)
        #expect(Self.values(xlsx.areas) == Self.values(csv.areas))
        #expect(xlsx.summary.notes.contains { $0.contains("header on row 9, 8 title rows above it skipped; units row 10 skipped") })
        #expect(xlsx.areas.first { $0.code == "3311" }?.population == 16390)
    }

    /// The spreadsheet's short codes and the GeoPackages' long names rank the same areas in the
    /// same order (the long-name file is the short-code CSV with its header renamed by CBS's map).
    @Test(.enabled(if: gpkg2020 != nil))
    func shortCodesAndLongNamesRankTheSameAreasInTheSameOrder() throws {
        let short = try #require(Fixtures.shared("cbs-pc4-2020/cbs_pc4_2020_v1.csv"))
        let map = try Fixtures.readSimpleCSV(try #require(Fixtures.shared("cbs-pc4-2020/column_map.csv")))
        let rename = Dictionary(uniqueKeysWithValues: map.map { ($0["cbs_2020_code"]!, $0["long_name"]!) })
        var lines = try String(contentsOfFile: short, encoding: .utf8).split(whereSeparator: \.isNewline)
        lines[0] = Substring(lines[0].split(separator: ",").map { rename[String($0)] ?? String($0) }.joined(separator: ","))
        #expect(!lines[0].contains("INWONER"))
        let dir = try TemporaryDirectory()
        let long = try dir.write("cbs_pc4_2020_long_names.csv", lines.joined(separator: "\n"))
        let a = try Self.ingest(short).areas, b = try Self.ingest(long).areas
        for definition in [RiskIndexDefinition.debt, .loneliness] {
            let ra = RiskIndex.compute(a, definition: definition).scores, rb = RiskIndex.compute(b, definition: definition).scores
            #expect(ra.filter(\.ranked).count > 3800)
            #expect(ra == rb, "\(definition.name)")
        }
    }

    @Test(.enabled(if: buurten != nil))
    func buurtenAreAnAreaLevelWithTheirPopulations() throws {
        let file = try #require(Self.buurten)
        let store = try AtlasStore()
        let summary = try AreaIngest.run(AreaIngestOptions(boundaries: file), store: store)
        #expect(summary.level == .buurt && summary.year == 2023 && summary.areasStored == 358)
        let areas = try store.areas(level: .buurt, year: 2023)
        let dordrecht = areas.filter { $0.municipality == "Dordrecht" }
        #expect(dordrecht.count == 133)
        #expect(dordrecht.compactMap(\.population).reduce(0, +) == 121_430)
        // -99999999 (the map service's secret / not applicable) is a code, never a number.
        #expect(areas.allSatisfy { $0.values.values.allSatisfy { ($0.number ?? 0) > -99990 } })
        #expect(areas.contains { $0.values.values.contains(.special(code: -99999999)) })
        let loneliness = RiskIndex.compute(areas, definition: .loneliness)
        #expect(loneliness.scores.filter(\.ranked).count > 250)
        #expect(Set(loneliness.used.map(\.name)) == ["mean_household_size", "european_origin_pct", "address_density"])
    }

    @Test(.enabled(if: buurten != nil))
    func numericBuurtCodesAreAnErrorNotLostRows() throws {
        let dir = try TemporaryDirectory()
        let stats = try dir.write("buurt_stats.csv", "buurtcode,aantalInwoners\n5050100,100\n5050101,200\n")
        let file = try #require(Self.buurten)
        var options = AreaIngestOptions(boundaries: file)
        options.statistics = [stats]
        options.year = 2023
        #expect {
            try AreaIngest.run(options, store: try AtlasStore())
        } throws: { "\($0)".contains("look like numbers") && "\($0)".contains("BU05050100") }
    }
}
