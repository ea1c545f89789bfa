import ArgumentParser
import Atlas
import Foundation
import Store

struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Compute the debt- and loneliness-risk indices of the stored areas.",
        discussion: "Example: hulpatlas index --db atlas.sqlite --level pc4 --year 2020 (see docs/METHOD.md)")

    @Option(help: "The SQLite store.") var db: String = "hulpatlas.sqlite"
    @Option(help: "pc4 or pc6 (needed when the store holds several area sets).") var level: AreaLevel?
    @Option(help: "The statistics year (needed when the store holds several).") var year: Int?
    @Option(name: .customLong("min-population"), help: "Areas with fewer inhabitants are not ranked.")
    var minimumPopulation: Double = 50

    func run() throws {
        let store = try AtlasStore(path: db)
        let set = try store.resolveAreaSet(level: level, year: year)
        var settings = RiskIndexSettings()
        settings.minimumPopulation = minimumPopulation
        print(try IndexStage.run(store: store, set: set, settings: settings))
    }
}

/// Computes and stores both indices for an area set; returns the summary to print.
enum IndexStage {
    static func run(store: AtlasStore, set: AreaSetInfo, settings: RiskIndexSettings) throws -> String {
        let areas = try store.areas(level: set.level, year: set.year)
        var out: [String] = []
        for definition in [RiskIndexDefinition.debt, .loneliness] {
            let result = RiskIndex.compute(areas, definition: definition, settings: settings)
            try store.replaceIndex(result, level: set.level, year: set.year)
            let ranked = result.scores.filter(\.ranked)
            out.append("\(definition.name) index over \(areas.count) \(set.label) areas: \(ranked.count) ranked, "
                       + "\(result.scores.count - ranked.count) not ranked")
            out.append("  components: " + (result.used.isEmpty ? "none" : result.used
                .map { "\($0.name) (weight \(weightText($0.weight)))" }.joined(separator: ", ")))
            let possible = definition.components.filter { $0.standsInFor == nil }.count
            if !result.used.isEmpty, result.used.count * 2 <= possible {
                out.append("  warning: only \(result.used.count) of \(possible) components can be computed from this data; "
                           + "the index rests on them alone")
            }
            for (component, missing) in result.notComputable {
                let standIn = result.used.first { $0.standsInFor == component }.map { "; \($0.name) is used instead" } ?? ""
                out.append("  cannot compute \(component): the data has no \(missing.joined(separator: ", "))\(standIn)")
            }
            let reasons = Dictionary(grouping: result.scores.compactMap(\.notRankedReason), by: { $0 }).mapValues(\.count)
            for (reason, n) in reasons.sorted(by: { $0.key < $1.key }) { out.append("  not ranked: \(n) × \(reason)") }
            let flagged = ranked.filter { !$0.missingComponents.isEmpty }.count
            if flagged > 0 { out.append("  scored on the remaining components (flagged): \(flagged)") }
        }
        return out.joined(separator: "\n")
    }

    private static func weightText(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : String(w) }
}
