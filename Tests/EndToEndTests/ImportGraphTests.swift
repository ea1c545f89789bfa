import Foundation
import Testing
import TestSupport

/// The targets import along DESIGN.md's graph (../shared/DESIGN.md, *Layout and dependencies*).
/// Imports the redesign (#15) has not removed yet are listed as exceptions, so that the list can
/// only shrink: any other import fails this test.
@Suite struct ImportGraphTests {
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc"]
    static let allowed: [String: Set<String>] = [
        "Atlas": [],
        "Geo": ["CGDAL"],
        "Config": ["Atlas", "TOMLKit"],
        "Store": ["Atlas", "GRDB", "GRDBSQLite", "Crypto"],
        "Ingest": ["Atlas", "Geo", "Store", "Config"],
        "Reports": ["Atlas", "Geo", "Config", "CSV"],
        "Pipeline": ["Atlas", "Geo", "Store", "Config", "Ingest", "Reports", "LP"],
        "hulpatlas": ["Pipeline", "Config", "ArgumentParser"],
    ]
    /// Still to go: the CLI still
    /// opens the store and builds stage inputs itself (no RunContext yet).
    static let remaining: [String: Set<String>] = [
        "hulpatlas": ["Atlas", "Geo", "Store", "Ingest", "Reports"],
    ]

    static func imports() throws -> [String: Set<String>] {
        let sources = Fixtures.repositoryRoot.appendingPathComponent("Sources")
        var out: [String: Set<String>] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            guard let files = FileManager.default.enumerator(atPath: sources.appendingPathComponent(target).path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: sources.appendingPathComponent(target).appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                    out[target, default: []].insert(String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces))
                }
            }
        }
        return out
    }

    @Test func everyImportFollowsTheGraph() throws {
        let found = try Self.imports()
        #expect(Set(found.keys).isSuperset(of: ["Atlas", "Geo", "Config", "Store", "Ingest", "Reports", "Pipeline", "hulpatlas"]))
        for (target, modules) in found where target != "CGDAL" {
            let permitted = Self.system.union(Self.allowed[target] ?? []).union(Self.remaining[target] ?? [])
            #expect(modules.subtracting(permitted).isEmpty, "\(target) imports \(modules.subtracting(permitted).sorted())")
        }
    }

    /// Negative control: the check catches the import that the redesign removed from Geo.
    @Test func theCheckCatchesAForbiddenImport() {
        let permitted = Self.system.union(Self.allowed["Geo"]!).union(Self.remaining["Geo"] ?? [])
        #expect(!Set(["CGDAL", "Atlas"]).subtracting(permitted).isEmpty)
    }
}
