import Atlas
import Config
import Foundation
@testable import Pipeline
import Reports
import Testing
import TestSupport

/// The adversarial histories of issue #20, each run through the whole pipeline: the folder it
/// writes passes the interval audit, and the same tables with only each table's own suppression
/// (the protection weakened to what it was) do not, so the audit can fail.
@Suite struct AdversarialHistoryTests {
    struct Request {
        var month: Int
        var location: String
        var category = "praktisch"
        var status = "match"
        var from = "3311"
        var to: String? = "3312"
        var kind = "hulpvraag"
    }

    /// A steady location (40 help requests and 6 questions a month for six months) beside the case.
    static func history(_ adversary: [Request]) -> [Request] {
        var out: [Request] = []
        for month in 1...6 {
            for k in 0..<40 {
                out.append(Request(month: month, location: "Groot", category: ["praktisch", "sociaal", "vervoer"][k % 3],
                                   status: ["match", "match", "geen_match", "doorverwezen"][k % 4], from: "3317",
                                   to: k % 4 == 2 ? nil : "3314"))
            }
            for _ in 0..<6 { out.append(Request(month: month, location: "Groot", status: "afgehandeld", to: nil, kind: "informatievraag")) }
        }
        return out + adversary
    }

    static let cases: [(name: String, requests: [Request])] = [
        ("a location with 3 requests", (0..<3).map { _ in Request(month: 3, location: "Klein") }),
        ("a location active in 2 months", (0..<7).map { _ in Request(month: 2, location: "Klein") }
            + (0..<2).map { _ in Request(month: 5, location: "Klein") }),
        ("a quarter with one category", (0..<8).map { _ in Request(month: 1, location: "Klein", category: "vervoer") }
            + (0..<9).map { k in Request(month: 4 + k % 3, location: "Klein", category: ["praktisch", "sociaal", "vervoer"][k % 3]) }),
        ("a location whose counts are all 5 or 6", (1...6).flatMap { month in
            (0..<(5 + month % 2)).map { k in Request(month: month, location: "Klein", status: k < 5 ? "match" : "geen_match") } }),
        ("a histogram bin with 1 match", [Request(month: 2, location: "Groot", from: "3311", to: "3371")]),
    ]

    static func csv(_ requests: [Request]) -> String {
        var lines = ["request_id,created_at,kind,category,subcategory,requester_postcode,requester_type,location,status,closed_at,"
                     + "helper_id,helper_postcode,organisation"]
        for (i, r) in requests.enumerated() {
            let date = "2023-\(String(format: "%02d", r.month))-\(String(format: "%02d", 1 + i % 27))"
            let matched = r.status == "match" && r.to != nil
            let category = r.kind == "informatievraag" ? "" : r.category
            lines.append("R\(i),\(date),\(r.kind),\(category),,\(r.from)AB,bewoner,\(r.location),\(r.status),\(date),"
                         + "\(matched ? "V\(i % 7)" : ""),\(matched ? "\(r.to ?? "")CD" : ""),\(matched ? "Kerk" : "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: Self.cases.indices)
    func theLinkedProtectionLeavesNothingToFind(_ k: Int) throws {
        let (name, adversary) = Self.cases[k]
        let out = IngestAndOutputStageTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let requests = (out as NSString).appendingPathComponent("requests.csv")
        try Self.csv(Self.history(adversary)).write(toFile: requests, atomically: true, encoding: .utf8)
        var areas = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        areas.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        var target = TargetSettings()
        target.allowEmpty = true
        let folder = (out as NSString).appendingPathComponent("out")
        _ = try RunStage.run(RunStage.Request(areas: areas, requests: requests, helpers: nil, out: folder,
                                              db: (out as NSString).appendingPathComponent("store.sqlite"), config: HulpatlasConfig(),
                                              target: target, report: ReportSettings(), allowEmptyIndex: false, title: name)) { _ in }
        // The per-table audit passes (no small count is written), and no contact detail or id leaks.
        let plain = try AuditStage.run(folder: folder, threshold: nil, requests: requests, helpers: nil, db: nil, config: HulpatlasConfig())
        #expect(plain.findings.isEmpty, "\(name): \(plain.findings)")
        // The folder as written passes the interval audit: hidden counts, statistics and pages.
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.isEmpty, "\(name): \(audit.findings.prefix(3))")
        #expect(audit.publishedShare > 0.5, "\(name): published \(audit.publishedShare)")
        // Weakened to each table's own suppression (what hulpatlas wrote before the linked
        // protection), every case leaks.
        let weakened = PublishedTablesModel(try Self.primaryTables(db: (out as NSString).appendingPathComponent("store.sqlite")))
        let before = IntervalAudit.run(weakened.tables, suppression: Suppression(threshold: 5)).findings
        #expect(!before.isEmpty, "\(name): \(before.count) findings")
    }

    /// The match-history tables of a store with each table's own suppression only.
    static func primaryTables(db: String) throws -> [PublishedTable] {
        let context = try RunContext.open(db: db, level: nil, year: nil, readOnly: true)
        return MatchHistoryReport.tables(requests: context.requests, helpers: context.helpers, locator: try context.locator(),
                                         rule: .standard, suppression: Suppression(threshold: 5)).tables
    }
}
