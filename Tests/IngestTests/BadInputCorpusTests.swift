import Atlas
import Config
import Foundation
import Ingest
import Store
import TestSupport
import Testing

/// The bad-input corpus (Tests/Fixtures/bad/, made by make_corpus.py): every case in
/// cases.csv states its outcome — accepted (with normalisation), rows rejected with a reason,
/// or a clear whole-file error — and read = accepted + rejected always holds.
@Suite struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var id, input, file, outcome, message, about: String
        var args: [String: String]
        var read, accepted, rejected: Int?
        var testDescription: String { "\(id) \(input): \(about)" }
    }

    static let cases: [Case] = {
        let reader = try! CSVRecordReader(path: Fixtures.path("bad/cases.csv"))
        var out: [Case] = []
        while let r = try! reader.next() {
            let f = Dictionary(uniqueKeysWithValues: zip(reader.header, r.fields))
            let args = Dictionary(uniqueKeysWithValues: (f["args"] ?? "").split(separator: ";").map { part in
                let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
                return (kv[0], kv.count > 1 ? kv[1] : "")
            })
            out.append(Case(id: f["case"]!, input: f["input"]!, file: f["file"]!, outcome: f["outcome"]!,
                            message: f["message"]!, about: f["about"]!, args: args, read: Int(f["read"]!),
                            accepted: Int(f["accepted"]!), rejected: Int(f["rejected"]!)))
        }
        return out
    }()

    static let today = Day(year: 2026, month: 11, day: 22)!

    @Test func theCorpusIsLargeAndCoversEveryInputKind() {
        #expect(Self.cases.count >= 40)
        for kind in ["requests", "helpers", "areas", "stats", "config"] {
            #expect(Self.cases.contains { $0.input == kind }, "\(kind) has cases")
        }
        #expect(Set(Self.cases.map(\.id)).count == Self.cases.count)
    }

    /// What one case did: the counts, every reason and note, or the error.
    struct Outcome {
        var read = 0, accepted = 0, rejected = 0
        var texts: [String] = []
        var error: String?
    }

    @Test(arguments: cases)
    func behavesAsStated(_ c: Case) throws {
        let dir = try TemporaryDirectory()
        let path = try Self.materialise(c.file, in: dir)
        let outcome: Outcome
        do {
            outcome = try Self.run(c, path: path)
        } catch {
            outcome = Outcome(error: "\(error)")
        }
        if c.outcome == "file_error" {
            if c.id == "R31", getuid() == 0 {
                // Root reads files without read permission; the file is then simply accepted.
                #expect(outcome.error == nil)
                return
            }
            let error = try #require(outcome.error, "\(c.id): expected a whole-file error, got \(outcome.read) read")
            #expect(!error.isEmpty && !error.contains("Error Domain"), "\(c.id): a message a user can act on: \(error)")
            if !c.message.isEmpty { #expect(error.contains(c.message), "\(c.id): \(error)") }
            #expect(!error.contains("\n"), "\(c.id): one line")
            return
        }
        #expect(outcome.error == nil, "\(c.id): \(outcome.error ?? "")")
        if let read = c.read { #expect(outcome.read == read, "\(c.id): read") }
        if let accepted = c.accepted { #expect(outcome.accepted == accepted, "\(c.id): accepted") }
        if let rejected = c.rejected { #expect(outcome.rejected == rejected, "\(c.id): rejected") }
        #expect(outcome.read == outcome.accepted + outcome.rejected, "\(c.id): read = accepted + rejected")
        if !c.message.isEmpty {
            #expect(outcome.texts.contains { $0.contains(c.message) }, "\(c.id): '\(c.message)' in \(outcome.texts)")
        }
    }

    /// The case's file; `runtime:` files are made here (too large, or needing permissions).
    static func materialise(_ file: String, in dir: TemporaryDirectory) throws -> String {
        guard file.hasPrefix("runtime:") else { return Fixtures.path("bad/\(file)") }
        let name = String(file.dropFirst("runtime:".count))
        let path = dir.path(name)
        let header = "request_id,created_at,kind,category,subcategory,requester_postcode,requester_type,location,status,closed_at,helper_id,helper_postcode,organisation\n"
        let good = { (id: String) in "\(id),2023-03-01,hulpvraag,praktisch,,3311AB,bewoner,L,match,,,,\n" }
        switch name {
        case "no_permission.csv":
            try (header + good("R1")).write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0)
        case "line_100mb.csv", "fields_10m.csv":
            FileManager.default.createFile(atPath: path, contents: nil)
            let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            h.write(Data((header + good("R1")).utf8))
            let piece = Data(repeating: name == "line_100mb.csv" ? UInt8(ascii: "x") : UInt8(ascii: ","), count: 1 << 20)
            h.write(Data("R2,".utf8))
            for _ in 0..<(name == "line_100mb.csv" ? 100 : 10) { h.write(piece) }
            h.write(Data("\n".utf8))
            h.write(Data(good("R3").utf8))
            try h.close()
        case "quoted_field_2mb.csv":
            // A quoted field of 2 MB full of line breaks, then two good rows: the reader must
            // resume after the closing quote, not at the next physical line inside the quote.
            var text = header + good("R1") + "R2,2023-03-01,hulpvraag,praktisch,\""
            text += String(repeating: "regel met \"\"aanhalingstekens\"\", komma's en een einde\n", count: 40_000)
            text += "\",3311AB,bewoner,L,match,,,,\n" + good("R3") + good("R4")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        default:
            Issue.record("unknown runtime file \(name)")
        }
        return path
    }

    static func run(_ c: Case, path: String) throws -> Outcome {
        let config = try c.args["config"].map { try HulpatlasConfig.load(path: Fixtures.path("bad/\($0)")) } ?? HulpatlasConfig()
        switch c.input {
        case "requests", "helpers":
            let store = try AtlasStore()
            let s = c.input == "requests"
                ? try RecordIngest.requests(path: path, config: config, store: store, today: today)
                : try RecordIngest.helpers(path: path, config: config, store: store, today: today)
            let rowRejects = s.rejects.filter(\.rowRejected)
            var texts = s.rejects.map { "line \($0.line) \($0.field): \($0.reason)" }
            if s.blankLines > 0 { texts.append("blank lines \(s.blankLines)") }
            if c.id == "R04" {
                #expect(s.rejects.map(\.line) == [6], "R04: the row after a quoted line break is line 6")
            }
            if c.id == "R01" {
                #expect(s.windows1252Fields == 4)
                #expect(try store.requests().allSatisfy { $0.organisation == "Diaconie Zwijndrecht-Oost café’s" })
            }
            if c.id == "R07" { #expect(try store.requests().map { $0.requesterPostcode?.code } == ["3311AB", "3311AB", "3311AB", "3311"]) }
            if c.id == "R18" { #expect(s.blankLines == 4, "blank lines after the header") }
            if c.id == "H01" {
                #expect(try store.helpers().map { $0.categories.count } == [2, 2, 2, 2])
            }
            return Outcome(read: s.read, accepted: s.accepted, rejected: rowRejects.count, texts: texts)
        case "areas", "stats":
            let store = try AtlasStore()
            var options = AreaIngestOptions(boundaries: c.input == "areas" ? path : Fixtures.path("bad/\(c.args["areas"]!)"))
            options.year = 2020
            options.sourceCRS = c.args["srs"]
            if c.input == "stats" { options.statistics = [path] }
            options.statisticsHeaderRow = c.args["header_row"].flatMap { Int($0) }
            options.statisticsKey = c.args["stats_key"]
            let s = try AreaIngest.run(options, store: store)
            let file = s.files.first { $0.file == path }!
            let texts = s.rejects.map { "\($0.field): \($0.reason)" } + s.notes
                + ["codes with statistics but no geometry: " + s.codesWithoutGeometry.joined(separator: " ")]
            let rejected = s.rejects.filter { $0.rowRejected && $0.file == path }.count
            if c.id == "A07" { #expect(s.repairedGeometries == ["3312"]) }
            if c.id == "S01" {
                let a = try store.areas(level: .pc4, year: 2020)
                #expect(a.first { $0.code == "3312" }?.values["aantal_part_huishoudens"] == .special(code: -99997))
            }
            if c.id == "S08" || c.id == "S09" {
                let a = try store.areas(level: .pc4, year: 2020)
                let area = try #require(a.first { $0.code == "3311" })
                #expect(area.values["aantal_inwoners"] == .number(16390) && area.population == 16390)
                #expect(area.values["aantal_part_huishoudens"] == .number(11035))
                if c.id == "S09" {
                    #expect(area.values["gemiddelde_huishoudensgrootte"] == .number(1.5))
                    #expect(a.first { $0.code == "3314" }?.values["aantal_part_huishoudens"] == .special(code: -99997))
                }
            }
            if c.id == "S11" {
                let a = try store.areas(level: .pc4, year: 2020)
                let first = try #require(a.first { $0.code == "3311" })
                #expect(first.population == nil && first.values["percentage_huurwoningen"] == nil)
                #expect(first.values["gemiddelde_huishoudensgrootte"] == nil, "0x1A is not 26")
                #expect(a.first { $0.code == "3312" }?.population == nil)
                #expect(s.rejects.filter { !$0.rowRejected }.count == 6)
                #expect(texts.contains { $0.contains("more inhabitants than any") } && texts.contains { $0.contains("outside 0–100") })
            }
            if c.id == "S02" {
                let a = try store.areas(level: .pc4, year: 2020)
                #expect(a.first { $0.code == "3311" }?.values["aantal_part_huishoudens"] == .number(1234))
                #expect(a.first { $0.code == "3312" }?.values["gemiddelde_huishoudensgrootte"] == .number(1.95))
            }
            return Outcome(read: file.read, accepted: file.accepted, rejected: rejected, texts: texts)
        case "config":
            _ = try HulpatlasConfig.load(path: path)
            return Outcome()
        default:
            throw CocoaError(.featureUnsupported)
        }
    }
}
