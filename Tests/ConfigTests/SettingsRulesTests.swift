import Atlas
import Config
import Foundation
import Testing

/// The rules the config and the flags share (`TargetSettings.problems`), and the index variants.
@Suite struct SettingsRulesTests {
    @Test func targetRulesNameTheSettingAsTheSourceSpellsIt() {
        var s = TargetSettings()
        #expect(s.problems(name: { $0 }).isEmpty)
        s.volunteerKm = .nan
        s.contiguityBonus = .infinity
        s.budget = -1
        let problems = s.problems(name: { "--\($0)" })
        #expect(problems.count == 3)
        #expect(problems.contains("--volunteer_km must be a distance in km above 0 and at most 400"))
        #expect(problems.contains { $0.hasPrefix("--contiguity_bonus") } && problems.contains { $0.hasPrefix("--budget") })
        var two = TargetSettings()
        two.municipalities = ["Dordrecht"]
        two.nearVolunteersKm = 2
        #expect(two.problems(name: { $0 }).first?.hasPrefix("give one catchment") == true)
    }

    @Test func theDeliveryKeysAreReadAndChecked() throws {
        func load(_ toml: String) throws -> HulpatlasConfig {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-config-\(UUID().uuidString).toml")
            defer { try? FileManager.default.removeItem(at: file) }
            try toml.write(to: file, atomically: true, encoding: .utf8)
            return try HulpatlasConfig.load(path: file.path)
        }
        #expect(try load("").target.roundLetterboxes == 300)
        #expect(try load("[target]\nround_letterboxes = 150\n").target.roundLetterboxes == 150)
        #expect(try load("[run]\ndelivery_areas = \"pc6.gpkg\"\n").run.deliveryAreas?.hasSuffix("pc6.gpkg") == true)
        for bad in ["0", "100001", "\"many\"", "2.5"] {
            #expect(throws: (any Error).self) { try load("[target]\nround_letterboxes = \(bad)\n") }
        }
        var s = TargetSettings()
        s.roundLetterboxes = 0
        #expect(s.problems(name: { "--\($0)" }) == ["--round_letterboxes must be a whole number of letterboxes from 1 to 100000"])
    }

    @Test func theConfigChoosesAnIndexVariant() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-config-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: dir) }
        try "[index.loneliness]\nvariant = \"65_plus\"\n".write(to: dir, atomically: true, encoding: .utf8)
        let config = try HulpatlasConfig.load(path: dir.path)
        let loneliness = try #require(try config.indexDefinitions().first { $0.name == .loneliness })
        #expect(loneliness.variant == "65_plus")
        #expect(try config.atRiskModels()[.loneliness] == .loneliness65Plus)
        #expect(try HulpatlasConfig().atRiskModels()[.loneliness] == .loneliness)
    }
}
