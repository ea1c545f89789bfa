import Atlas
import Config
import Foundation
import GRDB
import Ingest
import Store
import TestSupport
import Testing

/// The match-history contract: every row accepted or rejected with a reason; counts add up;
/// re-ingesting changes nothing; a file refused as a whole leaves the store as it was.
@Suite struct RecordIngestTests {
    static let header = "request_id,created_at,kind,category,subcategory,requester_postcode,requester_type,location,status,closed_at,helper_id,helper_postcode,organisation"
    static let good = [
        "R1,2023-01-05,hulpvraag,praktisch,tuin,3311 ab,bewoner,HipHelpt Dordrecht,match,2023-01-09,V1,3312CD,Present",
        "R2,05-01-2023,hulpvraag,sociaal,,3311,naaste,HipHelpt Dordrecht,geen_match,2023-02-01,,,",
        "R3,2023-02-10,informatievraag,,,,,HipHelpt Dordrecht,doorverwezen,,,,Wijkteam",
    ]
    let today = Day(year: 2024, month: 6, day: 1)!

    func file(_ dir: TemporaryDirectory, _ lines: [String], name: String = "requests.csv") throws -> String {
        try dir.write(name, ([Self.header] + lines).joined(separator: "\n") + "\n")
    }

    func ingest(_ path: String, _ store: AtlasStore, config: HulpatlasConfig = HulpatlasConfig()) throws -> RecordIngestSummary {
        try RecordIngest.requests(path: path, config: config, store: store, today: today)
    }

    func count(_ store: AtlasStore) throws -> Int {
        try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM requests") ?? -1 }
    }

    @Test func goodRowsAreStoredNormalised() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let s = try ingest(try file(dir, Self.good), store)
        #expect(s.read == 3 && s.accepted == 3 && s.rejected == 0)
        #expect(s.changes == { var c = UpsertCounts(); c.inserted = 3; return c }())
        let r = try store.requests()
        #expect(r[0].requesterPostcode?.code == "3311AB")
        #expect(r[1].createdAt.description == "2023-01-05", "Dutch date order")
        #expect(r[2].kind == .informatievraag && r[2].category == nil)
    }

    @Test func reIngestingChangesNothingAndAnUpdatedStatusUpdates() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let path = try file(dir, Self.good)
        _ = try ingest(path, store)
        let again = try RecordIngest.requests(path: path, store: store, today: today, reread: true)
        #expect(again.unchangedSince == nil, "read again")
        #expect(again.changes.unchanged == 3 && again.changes.inserted == 0 && again.changes.updated == 0)
        let updated = try file(dir, [Self.good[0], Self.good[1].replacingOccurrences(of: "geen_match", with: "match"),
                                     Self.good[2]], name: "updated.csv")
        let third = try ingest(updated, store)
        #expect(third.changes.updated == 1 && third.changes.unchanged == 2)
        #expect(try store.requests()[1].status == .match)
        #expect(try count(store) == 3)
    }

    /// An input that the kind's latest ingest read with the same bytes, mapping and day is not
    /// read again: the summary is that ingest's, rejects included, and the store is untouched.
    /// Any change (a byte, the mapping, the day, another file ingested since) reads it again.
    @Test func anUnchangedInputIsNotReadAgain() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let path = try file(dir, Self.good + ["R4,2023-13-01,hulpvraag,praktisch,,3311,bewoner,HipHelpt Dordrecht,match,,,,"])
        func runs() throws -> Int { try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ingest_runs") ?? -1 } }
        let first = try ingest(path, store)
        #expect(first.unchangedSince == nil && first.rejected == 1)
        let second = try ingest(path, store)
        #expect(second.unchangedSince == first.runID && second.runID == first.runID)
        #expect(second.read == first.read && second.accepted == first.accepted && second.rejects == first.rejects)
        let (runCount, rows) = (try runs(), try count(store))
        #expect(runCount == 1 && rows == 3, "nothing written")
        // Another day, another mapping, or --reread: read again.
        #expect(try RecordIngest.requests(path: path, store: store, today: Day(year: 2024, month: 6, day: 2)!).unchangedSince == nil)
        var mapped = HulpatlasConfig()
        mapped.requests.values["status"] = ["gekoppeld": "match"]
        #expect(try ingest(path, store, config: mapped).unchangedSince == nil)
        #expect(try ingest(path, store, config: mapped).unchangedSince != nil)
        #expect(try RecordIngest.requests(path: path, config: mapped, store: store, today: today, reread: true).unchangedSince == nil)
        // One byte changed: read again, and the update lands.
        let changed = try file(dir, [Self.good[0], Self.good[1].replacingOccurrences(of: "geen_match", with: "match"), Self.good[2]])
        let third = try ingest(changed, store)
        #expect(third.unchangedSince == nil && third.changes.updated == 1)
        // The first content again: a later ingest of the kind came between, so it is read again.
        let back = try file(dir, Self.good + ["R4,2023-13-01,hulpvraag,praktisch,,3311,bewoner,HipHelpt Dordrecht,match,,,,"])
        #expect(back == path)
        let fourth = try ingest(back, store)
        #expect(fourth.unchangedSince == nil && fourth.changes.updated == 1, "the status read back")
        #expect(try store.requests()[1].status == .geen_match)
    }

    /// The fingerprint covers every block of a long file (it is read in 4 MiB blocks) and the
    /// context lines; the same input gives the same fingerprint in every process.
    @Test func theFingerprintCoversTheWholeFile() throws {
        let dir = try TemporaryDirectory()
        let long = String(repeating: "R,2023-01-05,hulpvraag\n", count: 250_000)  // 5.75 MiB
        let a = try dir.write("a.csv", long + "x"), b = try dir.write("b.csv", long + "y")
        let fa = InputFingerprint.of(file: a, context: ["m"]), again = InputFingerprint.of(file: a, context: ["m"])
        let fb = InputFingerprint.of(file: b, context: ["m"]), other = InputFingerprint.of(file: a, context: ["n"])
        #expect(fa?.count == 64 && fa == again)
        #expect(fa != fb, "the last byte, past the first block")
        #expect(fa != other)
        // A known value: SHA-256 of "abc" (FIPS 180-2), no context.
        let abc = try dir.write("abc.txt", "abc")
        #expect(InputFingerprint.of(file: abc, context: []) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        // No fingerprint (the input is always read) for what is not a plain file.
        #expect(InputFingerprint.of(file: dir.path("missing.csv"), context: []) == nil)
        #expect(InputFingerprint.of(file: dir.url.path, context: []) == nil)
        // The mapping's lines do not depend on dictionary order.
        var m = InputMapping()
        m.columns = ["b": "B", "a": "A", "c": "C"]
        m.values = ["status": ["z": "match", "y": "geen_match"], "kind": ["q": "hulpvraag"]]
        #expect(m.canonicalLines == ["column a=A", "column b=B", "column c=C", "value kind.q=hulpvraag",
                                     "value status.y=geen_match", "value status.z=match"])
    }

    /// One broken row of each kind: every one is rejected with its line, field and reason.
    @Test(arguments: [
        ("R9,31-02-2023,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "created_at", "not a real date"),
        ("R9,2023-13-01,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "created_at", "not a real date"),
        ("R9,yesterday,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "created_at", "not a date"),
        ("R9,2031-01-01,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "created_at", "in the future"),
        ("R9,1999-12-31,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "created_at", "before 2000"),
        ("R9,2023-01-01,hulpvraag,klussen,,3311,bewoner,L,match,,,,", "category", "unknown category"),
        ("R9,2023-01-01,hulpvraag,,,3311,bewoner,L,match,,,,", "category", "needs a category"),
        ("R9,2023-01-01,hulpvraag,praktisch,,3311,bewoner,L,gedaan,,,,", "status", "unknown status"),
        ("R9,2023-01-01,klacht,praktisch,,3311,bewoner,L,match,,,,", "kind", "unknown kind"),
        ("R9,2023-01-01,hulpvraag,praktisch,,3311,bewoner,,match,,,,", "location", "location is empty"),
        ("R9,2023-02-01,hulpvraag,praktisch,,3311,bewoner,L,match,2023-01-01,,,", "closed_at", "closed before"),
        (",2023-01-01,hulpvraag,praktisch,,3311,bewoner,L,match,,,,", "request_id", "request_id is empty"),
        ("R9,2023-01-01,hulpvraag,praktisch,,3311,bewoner,L,match,,,", "(row)", "has 12 fields, the header has 13"),
        ("R9,2023-01-01,hulpvraag,praktisch,,3311,bewoner,L,match,,,,,extra", "(row)", "has 14 fields"),
        ("R9,2023-01-01,hulpvraag,praktisch,\(String(repeating: "x", count: 10_000)),3311,bewoner,L,match,,,,",
         "subcategory", "field of 10000 bytes; the limit is 1000"),
    ])
    func brokenRowIsRejectedWithReason(row: String, field: String, reason: String) throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let s = try ingest(try file(dir, [Self.good[0], row, Self.good[1]]), store)
        #expect(s.read == 3 && s.accepted == 2 && s.rejected == 1)
        let reject = try #require(s.rejects.first)
        #expect(reject.line == 3 && reject.field == field && reject.rowRejected)
        #expect(reject.reason.contains(reason), "\(reject.reason)")
        #expect(try count(store) == 2)
        #expect(reject.value.count <= 200, "a reject never copies a huge field")
    }

    @Test func badOptionalValuesKeepTheRowAndAreReported() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let s = try ingest(try file(dir, [
            "R1,2023-01-05,hulpvraag,praktisch,,33111,buurman,L,match,2023-01-06,V1,ABCD,Present",
        ]), store)
        #expect(s.accepted == 1 && s.rejected == 0)
        #expect(Set(s.rejects.map(\.field)) == ["requester_postcode", "requester_type", "helper_postcode"])
        #expect(s.rejects.allSatisfy { !$0.rowRejected })
        let r = try #require(try store.requests().first)
        #expect(r.requesterPostcode == nil && r.helperPostcode == nil && r.requesterType == .other)
    }

    /// Rejects land on the terminal and in the run folder: they point at lines, and never copy
    /// ids, postcodes or free text from the match history.
    @Test func rejectsCarryNoPersonalData() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let rows = [
            "SECRET1,2023-01-05,hulpvraag,praktisch,mevrouw Jansen,9999ZZ,bewoner,L,match,,V77,8888YY,Org",
            "SECRET1,2023-01-05,hulpvraag,praktisch,mevrouw Jansen,9999ZZ,bewoner,L,geen_match,,V77,8888YY,Org",
            "SECRET2,2023-01-05,hulpvraag,praktisch,mevrouw Jansen,99999ZZ,bewoner,L,match,,V77,8888YYY,Org",
            "SECRET3,2023-01-05,hulpvraag,praktisch,mevrouw Jansen,9999ZZ,bewoner,L,match,,V77,8888YY",
            "SECRET4,2023-01-05,hulpvraag,praktisch,\"mevrouw Jansen\"x,9999ZZ,bewoner,L,match,,V77,8888YY,Org",
        ]
        let s = try ingest(try file(dir, rows), store)
        #expect(s.rejects.count >= 5)
        for r in s.rejects {
            for secret in ["SECRET", "Jansen", "9999", "8888", "V77"] {
                #expect(!r.value.contains(secret) && !r.reason.contains(secret), "\(r)")
            }
        }
    }

    @Test func duplicateIdsInOneFile() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let conflicting = Self.good[0].replacingOccurrences(of: ",match,", with: ",geen_match,")
        let s = try ingest(try file(dir, [Self.good[0], Self.good[0], conflicting]), store)
        #expect(s.read == 3 && s.accepted == 1 && s.rejected == 2)
        #expect(s.rejects[0].reason.contains("repeats line 2 exactly"))
        #expect(s.rejects[1].reason.contains("already on line 2 with different data"))
        #expect(try store.requests().first?.status == .match, "the first row is kept")
    }

    /// The file is parsed on one thread and written on another, in batches of
    /// `RecordIngest.batchSize` rows: repeats, conflicts and bad rows on either side of a batch
    /// boundary are found as in one pass, the rejects come in line order and the requests are
    /// stored in file order.
    @Test func duplicatesAcrossParsingBatches() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        func row(_ id: Int, status: String = "match") -> String {
            "R\(id),2023-01-05,hulpvraag,praktisch,s\(id),3311AB,bewoner,L,\(status),,,,"
        }
        var lines = (1...5_000).map { row($0) }
        lines[2_047] = row(10)                                   // line 2049: an exact repeat of line 11
        lines[2_048] = "R-bad,2023-13-45,hulpvraag,praktisch,,,,L,match,,,,"  // line 2050: a bad date
        lines[4_100] = row(2_100, status: "geen_match")          // line 4102: conflicts with line 2101
        let s = try ingest(try file(dir, lines), store)
        #expect(s.read == 5_000 && s.accepted == 4_997 && s.rejected == 3)
        #expect(s.rejects.map(\.line) == [2_049, 2_050, 4_102])
        #expect(s.rejects[0].reason.contains("repeats line 11 exactly"))
        #expect(s.rejects[1].field == "created_at")
        #expect(s.rejects[2].reason.contains("already on line 2101 with different data"))
        let stored = try store.requests()
        let expected = (1...5_000).filter { ![2_048, 2_049, 4_101].contains($0) }.map { "s\($0)" }
        #expect(stored.map(\.subcategory) == expected, "stored in file order")
        #expect(stored.allSatisfy { $0.status == .match }, "the first of a conflicting pair is kept")
    }

    @Test func invalidUTF8TruncatedLastLineAndBlankLines() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        var bytes = Array(([Self.header, Self.good[0], "", Self.good[1]].joined(separator: "\n") + "\n").utf8)
        bytes += Array("R4,2023-01-01,hulpvraag,praktisch,caf".utf8) + [0x81] + Array(",3311,bewoner,L,match,,,,\n".utf8)
        bytes += Array("R5,2023-01-01,hulpvraag,praktisch,\"tuin".utf8)  // cut off inside a quote
        let path = dir.path("broken.csv")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let s = try ingest(path, store)
        #expect(s.blankLines == 1)
        #expect(s.read == 4 && s.accepted == 2 && s.rejected == 2)
        #expect(s.rejects.map(\.line) == [5, 6])
        #expect(s.rejects[0].reason.contains("not valid UTF-8"))
        #expect(s.rejects[1].reason.contains("never closed"))
    }

    @Test func wholeFileRefusalsLeaveTheStoreAsItWas() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        _ = try ingest(try file(dir, Self.good), store)
        // A missing header column, named in the message with what the header does have.
        let noStatus = try dir.write("nostatus.csv", "request_id,created_at,kind,category,location\nR7,2023-01-01,hulpvraag,praktisch,L\n")
        #expect {
            try ingest(noStatus, store)
        } throws: { "\($0)".contains("required column missing: status") && "\($0)".contains("request_id | created_at") }
        // The wrong delimiter: the whole header is one column.
        let pipes = try dir.write("pipes.csv", Self.header.replacingOccurrences(of: ",", with: "|") + "\nR8|2023-01-01\n")
        #expect { try ingest(pipes, store) } throws: { "\($0)".contains("split on ','") }
        #expect(throws: CSVRecordReader.FileError.self) { try ingest(try dir.write("empty.csv", ""), store) }
        #expect(try count(store) == 3)
        let runs = try store.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ingest_runs") }
        #expect(runs == 1, "a refused file leaves no run behind")
    }

    @Test func configMapsOtherHeadersAndWords() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let config = try HulpatlasConfig.load(path: try dir.write("c.toml", """
            [requests.columns]
            request_id = "Vraagnummer"
            created_at = "Datum aanmelding"
            location = "Afdeling"
            [requests.values.status]
            "Gekoppeld" = "match"
            [requests.values.category]
            "Klussen" = "praktisch"
            [outcome]
            matched = ["match"]
            """))
        #expect(config.outcome.matched == [.match])
        let path = try dir.write("export.csv", """
            Vraagnummer;Datum aanmelding;Soort;Categorie;Postcode;Afdeling;Status
            A-1;03-04-2023;Hulpvraag;Klussen;3311AB;Dordrecht;Gekoppeld
            A-2;04-04-2023;hulpvraag;Vervoer;3312;Dordrecht;Geen match

            """)
        let s = try ingest(path, store, config: config)
        #expect(s.accepted == 2 && s.rejected == 0, "\(s.rejects)")
        let r = try store.requests()
        #expect(r.map(\.status) == [.match, .geen_match])
        #expect(r.map(\.category) == [.praktisch, .vervoer])
    }

    @Test func badConfigsAreClearErrors() throws {
        let dir = try TemporaryDirectory()
        for text in ["[requests.columns]\nrequst_id = \"x\"\n", "[index.debt.weights]\nwoz = 1\n",
                     "[index.debt.weights]\nmean_woz_value = -1\n", "[index]\nshrinkage = \"veel\"\n", "[outcome]\nmatched = [\"gedaan\"]\n",
                     "[privacy]\nsuppression_threshold = 0\n", "[typo]\n", "not toml ["] {
            #expect(throws: HulpatlasConfig.ConfigError.self) {
                try HulpatlasConfig.load(path: try dir.write("bad.toml", text))
            }
        }
    }

    @Test func indexWeightsComeFromTheConfig() throws {
        let dir = try TemporaryDirectory()
        let config = try HulpatlasConfig.load(path: try dir.write("w.toml", """
            [index]
            min_population = 100
            [index.debt.weights]
            mean_woz_value = 0.5
            """))
        #expect(config.indexSettings.minimumPopulation == 100)
        let debt = try #require(try config.indexDefinitions().first)
        #expect(debt.components.first { $0.name == "mean_woz_value" }?.weight == 0.5)
    }

    @Test func helpersAreValidated() throws {
        let dir = try TemporaryDirectory(), store = try AtlasStore()
        let path = try dir.write("helpers.csv", """
            helper_id;postcode;categories;location;active_from;active_until
            V1;3311AB;praktisch|sociaal;Dordrecht;2022-01-01;
            V2;3312;"praktisch; vervoer";Dordrecht;01-06-2022;31-12-2023
            V3;3313;tuinieren;Dordrecht;2022-01-01;
            V4;3314;sociaal;Dordrecht;2022-01-01;2021-01-01
            V5;33;sociaal;Dordrecht;2022-01-01;

            """)
        let s = try RecordIngest.helpers(path: path, store: store, today: today)
        #expect(s.read == 5 && s.accepted == 3 && s.rejected == 2)
        #expect(s.rejects.filter(\.rowRejected).map(\.line) == [4, 5])
        let h = try store.helpers()
        #expect(h.map(\.categories) == [[.praktisch, .sociaal], [.praktisch, .vervoer], [.sociaal]])
        #expect(h[2].postcode == nil, "a malformed postcode is reported and left out")
    }
}
