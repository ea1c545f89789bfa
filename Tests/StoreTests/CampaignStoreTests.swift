import Atlas
import Foundation
import Store
import Testing
import TestSupport

/// Recorded campaigns: a round trip, replacement by name, and all-or-none for a file's campaigns.
@Suite struct CampaignStoreTests {
    static func campaign(_ name: String, flyers: [String: Int]) -> StoredCampaign {
        StoredCampaign(name: name, delivered: Day(year: 2022, month: 9, day: 5)!, level: .pc4, year: 2020, goal: .combined,
                       source: "campagnes.csv", flyers: flyers)
    }

    @Test func campaignsRoundTripAndReplaceByName() throws {
        let dir = try TemporaryDirectory()
        let store = try AtlasStore(path: dir.path("s.sqlite"))
        #expect(try store.replaceCampaigns([Self.campaign("A", flyers: ["3311": 100, "3312": 50])]) == [false])
        #expect(try store.replaceCampaign(Self.campaign("A", flyers: ["3313": 7])))
        let stored = try store.campaigns()
        #expect(stored == [Self.campaign("A", flyers: ["3313": 7])])
        #expect(try store.campaigns(level: .pc6).isEmpty)
        #expect(try store.removeCampaign(named: "A") && !(try store.removeCampaign(named: "A")))
    }

    /// A campaign the store refuses (negative flyers break its CHECK) stores none of the file's.
    @Test func aFilesCampaignsAreStoredAllOrNone() throws {
        let dir = try TemporaryDirectory()
        let store = try AtlasStore(path: dir.path("s.sqlite"))
        #expect(throws: (any Error).self) {
            try store.replaceCampaigns([Self.campaign("A", flyers: ["3311": 100]), Self.campaign("B", flyers: ["3312": -1])])
        }
        #expect(try store.campaigns().isEmpty)
    }
}
