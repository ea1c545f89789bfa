import Atlas
import Config
import Foundation
import GRDB
import Ingest
import Store
import TestSupport
import Testing

/// The optional study columns: each with its vocabulary, a value outside it reported and left
/// out (the row counts), a birth year turned into a band and never stored, the church kept.
@Suite struct StudyColumnsIngestTests {
    static let header = "request_id,created_at,kind,category,location,status,geslacht,leeftijdsgroep,geboortejaar,referral_kind"
    let today = Day(year: 2024, month: 6, day: 1)!

    @Test func genderAgeAndReferralKindAreReadWithTheirVocabulary() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let path = try dir.write("requests.csv", ([Self.header] + [
            "R1,2023-01-05,hulpvraag,praktisch,L,doorverwezen,V,50-69,,informele ondersteuning",
            "R2,2023-01-05,hulpvraag,sociaal,L,match,man,,1950,",
            "R3,2023-01-05,hulpvraag,sociaal,L,match,onzijdig,oud,1850,formeel",
            "R4,2023-01-05,hulpvraag,vervoer,L,geen_match,,,1990,",
        ]).joined(separator: "\n") + "\n")
        let s = try RecordIngest.requests(path: path, config: HulpatlasConfig(), store: store, today: today)
        #expect(s.accepted == 4 && s.rejected == 0)
        // R3: an unknown gender and age band, and a referral kind on a request that was not referred.
        #expect(s.rejects.map(\.field).sorted() == ["referral_kind", "requester_age_band", "requester_gender"], "\(s.rejects)")
        #expect(s.rejects.allSatisfy { !$0.rowRejected && $0.line == 4 })
        let byID = Dictionary(uniqueKeysWithValues: try store.requests().map { ($0.id, $0) })
        #expect(byID.count == 4)
        let stored = try store.requests().sorted { $0.createdAt == $1.createdAt ? $0.category! < $1.category! : $0.createdAt < $1.createdAt }
        #expect(stored.map(\.requesterGender) == [.vrouw, .man, nil, nil])
        // 2023 − 1950 = 73: 70+; 2023 − 1990 = 33: 30-49; R3's band is not a band and its year not a year.
        #expect(stored.map(\.requesterAgeBand) == [.from50, .from70, nil, .from30])
        #expect(stored.map(\.referralKind) == [.informeel, nil, nil, nil])
        // The birth year itself is never stored: the store has no column for it.
        let columns = try store.read { try Row.fetchAll($0, sql: "PRAGMA table_info(requests)").map { $0["name"] as String } }
        #expect(!columns.contains { $0.contains("birth") } && columns.contains("requester_age_band"))
    }

    @Test func theChurchOfAVolunteerIsKept() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let path = try dir.write("helpers.csv", """
            helper_id,postcode,categories,location,active_from,kerk
            V1,3311AB,praktisch,L,2022-01-01,Grote Kerk
            V2,3311AB,sociaal,L,2022-01-01,

            """)
        let s = try RecordIngest.helpers(path: path, config: HulpatlasConfig(), store: store, today: today)
        #expect(s.accepted == 2)
        #expect(try store.helpers().map(\.church) == ["Grote Kerk", nil])
    }
}
