import Atlas
import Config
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
