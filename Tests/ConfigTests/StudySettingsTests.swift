import Atlas
import Config
import Foundation
import Testing

/// `[study]`: TOML dates or date text, its keys checked, and the same rules as the flags.
@Suite struct StudySettingsTests {
    func load(_ text: String) throws -> HulpatlasConfig {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-study-\(UUID().uuidString).toml")
        defer { try? FileManager.default.removeItem(at: file) }
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try HulpatlasConfig.load(path: file.path)
    }

    @Test func aStudyPeriodFromTOMLDatesOrText() throws {
        let config = try load("[study]\nfrom = 2021-02-15\nto = \"2023-06-15\"\nlocation = \"Hulplijn Dordt\"\nmin_cases = 10\n")
        let period = try #require(config.studyPeriod)
        #expect(period.from == Day(year: 2021, month: 2, day: 15) && period.to == Day(year: 2023, month: 6, day: 15))
        #expect(period.location == "Hulplijn Dordt" && period.minCases == 10)
        #expect(try load("[study]\nfrom = 2021-01-01\nto = 2021-12-31\n").studyPeriod?.location == Vocabulary.reservedLocation)
        #expect(try load("[privacy]\nsuppression_threshold = 5\n").studyPeriod == nil)
    }

    @Test(arguments: [
        ("[study]\nfrom = 2021-01-01\n", "[study] needs to"),
        ("[study]\nfrom = 2022-01-01\nto = 2021-01-01\n", "study.to (2021-01-01) is before study.from (2022-01-01)"),
        ("[study]\nfrom = \"15-02-2021x\"\nto = 2021-12-31\n", "study.from must be a date"),
        ("[study]\nfrom = 2021-01-01\nto = 2021-12-31\nmin_cases = 0\n", "study.min_cases must be a whole number ≥ 1"),
        ("[study]\nfrom = 2021-01-01\nto = 2021-12-31\nperiod = 3\n", "unknown key study.period"),
    ])
    func aBadStudySectionIsAnError(_ text: String, _ message: String) {
        #expect {
            _ = try load(text)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
