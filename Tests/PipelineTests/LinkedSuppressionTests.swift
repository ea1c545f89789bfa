import Atlas
import Config
import Foundation
@testable import Pipeline
import Testing
import TestSupport

/// Secondary suppression over linked tables: after it the interval audit finds nothing, at a
/// small cost; without it (the weakened version) the same audit finds the leaks.
@Suite struct LinkedSuppressionTests {
    /// One month of one location: help = matched + not matched + open, total = help + info,
    /// with info (2) hidden as small and help hidden as its complement: the parts give both away.
    static func month() -> (LinkedTables, [Int]) {
        var t = LinkedTables()
        let values = [17, 2, 10, 7, 0, 19]  // help, info, matched, not matched, open, total
        let names = ["help", "info", "matched", "not_matched", "open", "total"]
        let hidden: Set<Int> = [0, 1]
        let c = names.indices.map { t.cell(names[$0], label: names[$0], shown: hidden.contains($0) ? nil : values[$0]) }
        t.sum(c[5], of: [c[0], c[1]])
        t.sum(c[0], of: [c[2], c[3], c[4]])
        return (t, values)
    }

    /// Three locations and all, one histogram bin: 14 = 6 + 7 + (1 hidden).
    static func bins() -> (LinkedTables, [Int]) {
        var t = LinkedTables()
        let values = [14, 6, 7, 1]
        let c = ["all", "Dordrecht", "Papendrecht", "Zwijndrecht"].enumerated().map { k, name in
            t.cell(name, label: name, shown: k == 3 ? nil : values[k])
        }
        t.sum(c[0], of: [c[1], c[2], c[3]])
        return (t, values)
    }

    @Test(arguments: [0, 1])
    func afterProtectionTheAuditFindsNothing(example: Int) {
        let (tables, values) = example == 0 ? Self.month() : Self.bins()
        let five = Suppression(threshold: 5)
        #expect(!IntervalAudit.narrowCells(tables, suppression: five).isEmpty, "negative control: it leaks as published")
        let protected = LinkedSuppression.protect(tables, costs: values, suppression: five)
        #expect(protected.remaining.isEmpty)
        #expect(IntervalAudit.run(protected.tables, suppression: five).findings.isEmpty)
        #expect(!protected.added.isEmpty && protected.added.count <= 3, "\(protected.added)")
        // What stays published is as it was.
        for (i, cell) in protected.tables.cells.enumerated() where cell.shown != nil { #expect(cell.shown == values[i]) }
    }

    /// The weakened version (no repair rounds) leaves the leaks, and the audit says so.
    @Test func withoutRepairTheLeaksRemain() {
        let (tables, values) = Self.month()
        let weakened = LinkedSuppression.protect(tables, costs: values, suppression: Suppression(threshold: 5), maxRounds: 0)
        #expect(weakened.added.isEmpty)
        #expect(weakened.remaining.contains { $0.cell == "info" && $0.lower == 2 && $0.upper == 2 })
    }

    /// On the sample (a whole run), the folder passes the interval audit and keeps close to half
    /// of its counts published.
    @Test func theSampleTablesCanBeProtected() throws {
        let out = IngestAndOutputStageTests.folder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var areas = AreaIngestOptions(boundaries: Fixtures.sample("cbs_pc4_2020_drechtsteden.gpkg"))
        areas.statistics = [Fixtures.sample("pc4_gemeente_drechtsteden.csv")]
        let request = RunStage.Request(
            areas: areas, requests: Fixtures.sample("sample_requests.csv"), helpers: Fixtures.sample("sample_helpers.csv"),
            out: out, db: (out as NSString).appendingPathComponent("hulpatlas.sqlite"), config: HulpatlasConfig(),
            target: TargetSettings(), report: ReportSettings(), allowEmptyIndex: false, title: "test")
        _ = try RunStage.run(request) { _ in }
        let five = Suppression(threshold: 5)
        let audit = try AuditStage.intervalAudit(folder: out, suppression: five)
        #expect(audit.findings.isEmpty, "\(audit.findings.prefix(3))")
        #expect(audit.publishedShare > 0.45, "published \(audit.publishedShare)")
        // Each table's own suppression alone leaks.
        let weakened = PublishedTablesModel(try AdversarialHistoryTests.primaryTables(db: request.db))
        #expect(!IntervalAudit.run(weakened.tables, suppression: five).findings.isEmpty, "as each table protects itself, the sample leaks")
    }
}
