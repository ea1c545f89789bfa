import Foundation
import Testing
import TestSupport

/// The targets import along DESIGN.md's graph (../shared/DESIGN.md, *Layout and dependencies*).
/// Imports the redesign (#15) has not removed yet are listed as exceptions, so that the list can
/// only shrink: any other import fails this test.
@Suite struct ImportGraphTests {
    static let system: Set<String> = ["Foundation", "Dispatch", "Glibc", "Synchronization"]
    static let allowed: [String: Set<String>] = [
        "Atlas": [],
        "Geo": ["CGDAL"],
        "LP": ["CGLPK"],
        "Config": ["Atlas", "TOMLKit"],
        "Store": ["Atlas", "GRDB", "GRDBSQLite", "Crypto"],
        "Ingest": ["Atlas", "Geo", "Store", "Config"],
        "Reports": ["Atlas", "Geo", "Config", "CSV"],
        "Pipeline": ["Atlas", "Geo", "Store", "Config", "Ingest", "Reports", "LP"],
        "hulpatlas": ["Pipeline", "Config", "ArgumentParser"],
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
        #expect(Set(found.keys).isSuperset(of: ["Atlas", "Geo", "LP", "Config", "Store", "Ingest", "Reports", "Pipeline", "hulpatlas"]))
        for (target, modules) in found where target != "CGDAL" && target != "CGLPK" {
            let permitted = Self.system.union(Self.allowed[target] ?? [])
            #expect(modules.subtracting(permitted).isEmpty, "\(target) imports \(modules.subtracting(permitted).sorted())")
        }
    }

    /// Negative controls: the check catches the imports that the redesign removed from Geo and
    /// from the CLI.
    @Test func theCheckCatchesAForbiddenImport() {
        for (target, removed) in [("Geo", "Atlas"), ("hulpatlas", "Store"), ("hulpatlas", "Atlas"), ("Reports", "Store")] {
            let permitted = Self.system.union(Self.allowed[target]!)
            #expect(!Set([removed]).subtracting(permitted).isEmpty, "\(target) may import \(removed)")
        }
    }

    /// Package.swift declares the same graph: a target cannot even link a module it may not import.
    @Test func thePackageDeclaresNoOtherDependency() throws {
        let manifest = try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let cli = try #require(manifest.range(of: #"executableTarget\(name: "hulpatlas", dependencies: \[[^\]]*\]"#,
                                              options: .regularExpression))
        let named = Set(manifest[cli].matches(of: /"([A-Za-z]+)"/).map { String($0.1) }).subtracting(["hulpatlas"])
        #expect(named.subtracting(["Pipeline", "Config", "ArgumentParser", "swift-argument-parser"]).isEmpty, "\(named.sorted())")
    }
}
