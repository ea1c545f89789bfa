import Atlas
import Config
import Foundation
@testable import Reports
import Testing

/// Which pages a run writes.
@Suite struct ReportPlanTests {
    static func request(_ location: String, month: Int) -> HelpRequest {
        HelpRequest(id: "\(location)\(month)", createdAt: Day(year: 2023, month: month, day: 3)!, kind: .hulpvraag,
                    category: .praktisch, requesterPostcode: nil, location: location, status: .match)
    }

    /// One location: its pages only, no all-locations page that repeats them.
    @Test func aSingleLocationGetsNoDuplicateAllLocationsPage() throws {
        let one = try ReportWriter.plan(requests: [Self.request("Dordt", month: 2), Self.request("Dordt", month: 5)],
                                        quarters: .all, locations: nil)
        #expect(one.map(\.location) == [.named("Dordt"), .named("Dordt")])
        let two = try ReportWriter.plan(requests: [Self.request("Dordt", month: 2), Self.request("Zwijndrecht", month: 2)],
                                        quarters: .latest, locations: nil)
        #expect(two.map(\.location) == [.all, .named("Dordt"), .named("Zwijndrecht")])
    }
}

@Suite struct LocationsPageTests {
    @Test func oneLocationGetsNoOverview() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-locations-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        #expect(try LocationsPage.write(try ReportScenario().data(), reports: [], folder: folder) == nil)
        #expect(!FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(LocationsPage.file)))
    }
}
