import Atlas
import Config
import Foundation
import Geo
import Reports
import Store

/// Computes and stores both indices for an area set, with their stability, spatial clusters
/// and (when the store holds requests) reach; returns the summary to print.
public enum IndexStage {
    /// The reach of the stored match history in the areas; nil without requests. In a wijk or
    /// buurt set a request is placed in the area that contains its postcode's point (stored PC6,
    /// else PC4 areas).
    public static func reach(_ context: RunContext) throws -> [String: Reach.AreaReach]? {
        let (requests, areas, set) = (context.requests, context.areas, context.set)
        guard !requests.isEmpty else { return nil }
        guard !set.level.isPostcode else { return Reach.compute(requests, areas: areas) }
        let locator = try context.locator()
        guard locator.hasAreas else {
            throw StageFailure(description: "requests are placed in \(set.level.rawValue) areas by the point of their postcode: "
                               + "ingest PC4 (or PC6) areas into the same store first (hulpatlas ingest areas cbs_pc4_….gpkg)")
        }
        let shapes = try context.shapes()
        let finder = AreaFinder(zip(areas, shapes).compactMap { a, shape in shape.map { (a.code, $0) } })
        return Reach.compute(requests, areas: areas) { postcode in
            locator.place(postcode).flatMap { finder.area(containingX: $0.x, y: $0.y) }
        }
    }

    /// The area columns the indices read: every column the definitions' components may use, and the
    /// population and households (eligibility, reach).
    public static func columns(_ definitions: [RiskIndexDefinition]) -> [String] {
        var seen = Set<String>()
        return (definitions.flatMap(\.columns) + KnownColumns.population + KnownColumns.households).filter { seen.insert($0).inserted }
    }

    /// Computes, checks and stores the indices of the context's area set, with the reach of its
    /// history; returns the summary to print.
    /// `releaseHistory`: the command needs the history for the reach only (it is freed before
    /// the indices are computed).
    public static func run(_ context: RunContext, definitions: [RiskIndexDefinition], settings: RiskIndexSettings,
                           allowEmpty: Bool = false, releaseHistory: Bool = false) throws -> String {
        let (store, set, areas) = (context.store, context.set, context.areas)
        // What this stage stores replaces what the context may have read before.
        defer { context.storedIndexChanged() }
        var out: [String] = []
        // An index that ranks nothing makes every later number empty: say why before storing anything.
        let preparedSets = definitions.map { RiskIndex.Prepared(areas, definition: $0, settings: settings) }
        let results = zip(definitions, preparedSets).map { RiskIndex.result($1, definition: $0) }
        if !allowEmpty {
            for (definition, result) in zip(definitions, results) {
                guard !result.scores.contains(where: \.ranked) else { continue }
                let reasons = Dictionary(grouping: result.scores.compactMap(\.notRankedReason), by: \.description).mapValues(\.count)
                    .sorted { $0.value > $1.value }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
                let missing = result.notComputable.map { "\($0.component) (no \($0.missing.joined(separator: ", ")))" }
                throw StageFailure(description: "the \(definition.name) index ranks none of the \(areas.count) areas: \(reasons)"
                                   + (missing.isEmpty ? "" : "; cannot compute " + missing.joined(separator: "; "))
                                   + ". Add the CBS kerncijfers with --stats (short codes and long names are both read), "
                                   + "or pass --allow-empty")
            }
        }
        let reach = try reach(context)
        // Under-reach is measured within the organisation's region (before the history is freed).
        let region = reach == nil ? nil : Set(ServiceRegion.areas(requests: context.requests, helpers: context.helpers,
                                                                  areas: areas).map(\.code))
        if releaseHistory { context.releaseHistory() }
        if let reach {
            try store.replaceReach(reach, level: set.level, year: set.year)
            let counted = reach.values.reduce(0) { $0 + $1.requests }
            out.append("reach: \(counted) help requests placed in \(reach.values.filter { $0.requests > 0 }.count) areas")
        }

        let (neighbours, islands) = try context.neighbours()
        out.append("contiguity (queen, 10 m tolerance): \(neighbours.reduce(0) { $0 + $1.count } / 2) neighbour pairs, "
                   + "\(islands) areas without neighbours")

        for (k, definition) in definitions.enumerated() {
            let (prepared, result) = (preparedSets[k], results[k])
            let stability = IndexStability.compute(prepared)

            // Spatial statistics over the ranked areas, with neighbours among them.
            let ranked = result.scores.indices.filter { result.scores[$0].percentile != nil }
            let position = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
            let values = ranked.map { result.scores[$0].percentile! }
            let subNeighbours = ranked.map { neighbours[$0].compactMap { position[$0] } }
            var measures: [(String, Double?)] = [("ranked_areas", Double(ranked.count))]
            var clusters: [String: SpatialAutocorrelation.Local] = [:]
            if ranked.count > 2 {
                let global = SpatialAutocorrelation.moransI(values, neighbours: subNeighbours)
                let local = SpatialAutocorrelation.local(values, neighbours: subNeighbours)
                for (k, i) in ranked.enumerated() { clusters[result.scores[i].code] = local[k] }
                measures += [("morans_i", global.i), ("morans_i_p_value", global.pValue)]
                for kind in [SpatialAutocorrelation.Cluster.highHigh, .lowLow, .highLow, .lowHigh] {
                    measures.append(("lisa_\(kind.rawValue)_areas", Double(local.filter { $0.cluster == kind }.count)))
                }
                out.append("\(definition.name): Moran's I \(Format.fixed(global.i, decimals: 3)) (p = \(Format.fixed(global.pValue, decimals: 3)), "
                           + "\(global.permutations) permutations); hot spots (HH): "
                           + "\(local.filter { $0.cluster == .highHigh }.count) areas")
            }
            measures += stability.alternatives.map { ("spearman_\($0.name.replacingOccurrences(of: " ", with: "_"))", $0.spearman) }
            measures += [("perturbation_spearman_median", stability.perturbationSpearmanMedian),
                         ("perturbation_spearman_min", stability.perturbationSpearmanMin)]
            let percentiles = Dictionary(uniqueKeysWithValues: ranked.map { (result.scores[$0].code, result.scores[$0].percentile!) })
            let underReached = reach.map { Reach.underReached(percentiles: percentiles, reach: $0, region: region) }
            if let underReached { measures.append(("under_reached_areas", Double(underReached.count))) }
            try store.replaceIndex(result, extras: IndexExtras(stability: stability.byCode, clusters: clusters,
                                                               underReached: underReached, measures: measures),
                                   level: set.level, year: set.year)

            out.append("\(definition.name) index over \(areas.count) \(set.label) areas: \(ranked.count) ranked, "
                       + "\(result.scores.count - ranked.count) not ranked")
            out.append("  components: " + (result.used.isEmpty ? "none" : result.used
                .map { "\($0.name) (weight \(weightText($0.weight)))" }.joined(separator: ", ")))
            let unweighted = definition.components.filter { $0.weight == 0 }.map(\.name)
            if !unweighted.isEmpty { out.append("  weight 0 (left out; set a weight in the config): " + unweighted.joined(separator: ", ")) }
            let possible = definition.components.filter { $0.standsInFor == nil && $0.weight > 0 }.count
            if !result.used.isEmpty, result.used.count * 2 <= possible {
                out.append("  warning: only \(result.used.count) of \(possible) components can be computed from this data; "
                           + "the index rests on them alone")
            }
            for (component, missing) in result.notComputable {
                let standIn = result.used.first { $0.standsInFor == component }
                    .map { "; stand-in rule: \($0.name) is used instead, for all \(areas.count) areas (docs/METHOD.md §1)" } ?? ""
                out.append("  cannot compute \(component): the data has no \(missing.joined(separator: ", "))\(standIn)")
            }
            let reasons = Dictionary(grouping: result.scores.compactMap(\.notRankedReason), by: \.description).mapValues(\.count)
            for (reason, n) in reasons.sorted(by: { $0.key < $1.key }) { out.append("  not ranked: \(n) × \(reason)") }
            let flagged = result.scores.filter { $0.ranked && !$0.missingComponents.isEmpty }.count
            if flagged > 0 { out.append("  scored on the remaining components (flagged): \(flagged)") }
            for alt in stability.alternatives { out.append("  \(alt.name): Spearman \(Format.fixed(alt.spearman, decimals: 3)) with the default") }
            if let median = stability.perturbationSpearmanMedian, let minimum = stability.perturbationSpearmanMin {
                out.append("  200 random weightings: Spearman median \(Format.fixed(median, decimals: 3)), lowest \(Format.fixed(minimum, decimals: 3))")
            }
            if let underReached { out.append("  under-reached (top risk quintile, reach below median): \(underReached.count) areas") }
        }
        return out.joined(separator: "\n")
    }

    private static func weightText(_ w: Double) -> String { w == w.rounded() ? String(Int(w)) : String(w) }
}
