/// Settings of the construction (defaults documented in docs/METHOD.md).
public struct RiskIndexSettings: Sendable, Equatable {
    /// Areas with fewer inhabitants are not ranked.
    public var minimumPopulation = 50.0
    /// Strength of the shrinkage of rates towards the pooled rate, in units of the denominator:
    /// r̃ = (numerator + m·p̄) / (denominator + m).
    public var shrinkage = 50.0
    public init() {}
}

/// One area's result on one index.
public struct AreaIndexScore: Sendable, Equatable {
    public var code: String
    /// Per component: the (shrunk) value and its risk percentile; absent when not available.
    public var components: [String: (value: Double, percentile: Double)]
    /// Weighted mean of the component percentiles (0–100).
    public var score: Double?
    /// The score ranked again over the ranked areas (0–100, higher = more risk).
    public var percentile: Double?
    /// 1 (lowest risk) … 10 (highest).
    public var decile: Int?
    public var notRankedReason: NotRankedReason?
    public var missingComponents: [String]
    public var ranked: Bool { notRankedReason == nil }

    public static func == (a: AreaIndexScore, b: AreaIndexScore) -> Bool {
        a.code == b.code && a.score == b.score && a.percentile == b.percentile && a.decile == b.decile
            && a.notRankedReason == b.notRankedReason && a.missingComponents == b.missingComponents
            && a.components.keys.sorted() == b.components.keys.sorted()
            && a.components.keys.allSatisfy { a.components[$0]! == b.components[$0]! }
    }
}

public struct RiskIndexResult: Sendable {
    public var definition: RiskIndexDefinition
    public var scores: [AreaIndexScore]
    /// Components that no area could have, with the missing columns.
    public var notComputable: [(component: String, missing: [String])]
    public var used: [RiskComponent]
}

public enum RiskIndex {
    /// Builds the index over `areas` (the comparison set). Order of `areas` does not matter:
    /// scores come back sorted by code.
    public static func compute(_ areas: [AreaRecord], definition: RiskIndexDefinition,
                               settings: RiskIndexSettings = RiskIndexSettings()) -> RiskIndexResult {
        let prepared = Prepared(areas, definition: definition, settings: settings)
        return RiskIndexResult(definition: definition, scores: prepared.scores(weights: prepared.used.map(\.weight)),
                               notComputable: prepared.notComputable, used: prepared.used)
    }

    /// The result for the default weights of an already prepared comparison set.
    public static func result(_ prepared: Prepared, definition: RiskIndexDefinition) -> RiskIndexResult {
        RiskIndexResult(definition: definition, scores: prepared.scores(weights: prepared.used.map(\.weight)),
                        notComputable: prepared.notComputable, used: prepared.used)
    }

    /// Component values and percentiles of a comparison set, from which scores for any
    /// weights follow cheaply (used for the stability analysis).
    public struct Prepared: Sendable {
        public let codes: [String]
        public let used: [RiskComponent]
        public let notComputable: [(component: String, missing: [String])]
        let componentValues: [[Double?]]
        let componentPercentiles: [[Double?]]
        /// Why each area is not ranked (nil: ranked), independent of the weights.
        let notRankedReasons: [NotRankedReason?]
        /// The component percentiles area by area (`used.count` per area; NaN: not available),
        /// in one array for the hundreds of re-weightings of the stability analysis.
        let percentileRows: [Double]

        public init(_ input: [AreaRecord], definition: RiskIndexDefinition, settings: RiskIndexSettings) {
            let areas = input.sorted { $0.code < $1.code }
            codes = areas.map(\.code)
            var columns = Set<String>()
            for area in areas { for name in area.values.keys { columns.insert(name) } }
            let computable = Set(definition.components.filter { $0.isComputable(columns: columns) }.map(\.name))
            // A stand-in is used only where the component it stands in for cannot be computed.
            let used = definition.components.filter {
                computable.contains($0.name) && $0.weight > 0 && !($0.standsInFor.map(computable.contains) ?? false)
            }
            self.used = used
            // Reported: every weighted component that cannot be computed (with the stand-in used for
            // it, if any), and no stand-in that is not needed.
            notComputable = definition.components.filter { c in
                c.weight > 0 && !computable.contains(c.name) && !(c.standsInFor.map(computable.contains) ?? false)
            }.map { ($0.name, $0.missingColumns(columns: columns)) }
            let eligible = areas.map { ($0.population ?? 0) >= settings.minimumPopulation }

            var values: [[Double?]] = []
            for component in used {
                let parts = areas.map { RiskIndex.raw(component, $0) }
                if component.denominator != nil {
                    // Pooled rate over eligible areas, then shrink every rate towards it.
                    var num = 0.0, den = 0.0
                    for (i, p) in parts.enumerated() where eligible[i] {
                        if let p, let d = p.denominator { num += p.numerator; den += d }
                    }
                    let pooled = den > 0 ? num / den : 0
                    values.append(parts.map { p in
                        guard let p, let d = p.denominator, d > 0 else { return nil }
                        return (p.numerator + settings.shrinkage * pooled) / (d + settings.shrinkage)
                    })
                } else {
                    values.append(parts.map { $0?.numerator })
                }
            }
            componentValues = values
            // Risk percentiles per component over eligible areas that have it.
            componentPercentiles = zip(used, values).map { component, values in
                let keyed = values.enumerated().compactMap { i, v -> (Int, Double)? in
                    guard eligible[i], let v else { return nil }
                    return (i, component.higherIsRiskier ? v : -v)
                }
                let pct = RiskIndex.midRankPercentiles(keyed.map(\.1))
                var out = [Double?](repeating: nil, count: areas.count)
                for (k, (i, _)) in keyed.enumerated() { out[i] = pct[k] }
                return out
            }
            let percentiles = componentPercentiles
            var rows = [Double](repeating: .nan, count: areas.count * used.count)
            for (c, column) in percentiles.enumerated() {
                for (i, p) in column.enumerated() where p != nil && values[c][i] != nil { rows[i * used.count + c] = p! }
            }
            percentileRows = rows
            notRankedReasons = areas.indices.map { i -> NotRankedReason? in
                let missing = percentiles.filter { $0[i] == nil }.count
                if used.isEmpty { return .noComputableComponent }
                if !eligible[i] {
                    return areas[i].population == nil ? .populationUnknown
                        : .tooFewInhabitants(minimum: Int(saturating: settings.minimumPopulation))
                }
                if Double(missing) > Double(used.count) / 2 { return .missingComponents(missing: missing, of: used.count) }
                return nil
            }
        }

        /// Scores, percentiles and deciles for the given component weights (in `used` order).
        public func scores(weights: [Double]) -> [AreaIndexScore] {
            var scores: [AreaIndexScore] = codes.indices.map { i in
                var parts: [String: (value: Double, percentile: Double)] = [:]
                var missing: [String] = []
                var weighted = 0.0, total = 0.0
                for (c, component) in used.enumerated() {
                    if let p = componentPercentiles[c][i], let v = componentValues[c][i] {
                        parts[component.name] = (v, p)
                        weighted += weights[c] * p
                        total += weights[c]
                    } else {
                        missing.append(component.name)
                    }
                }
                let reason = notRankedReasons[i]
                return AreaIndexScore(code: codes[i], components: reason == nil ? parts : [:],
                                      score: reason == nil && total > 0 ? weighted / total : nil,
                                      percentile: nil, decile: nil, notRankedReason: reason,
                                      missingComponents: reason == nil ? missing : [])
            }
            let percentiles = rankedPercentiles(scores.map(\.score))
            for i in scores.indices {
                guard let p = percentiles[i] else { continue }
                scores[i].percentile = p
                scores[i].decile = min(10, Int(p / 10) + 1)
            }
            return scores
        }

        /// Only the index percentile of every area (nil: not ranked) for the given weights: the
        /// same numbers as `scores(weights:)`, without building the per-area details (the
        /// stability analysis calls this hundreds of times).
        public func percentiles(weights: [Double]) -> [Double?] {
            let c = used.count
            var scored: [Int] = [], scores: [Double] = []
            scored.reserveCapacity(codes.count)
            scores.reserveCapacity(codes.count)
            percentileRows.withUnsafeBufferPointer { rows in
                for i in codes.indices where notRankedReasons[i] == nil {
                    var weighted = 0.0, total = 0.0
                    for k in 0..<c {
                        let p = rows[i * c + k]
                        if !p.isNaN {
                            weighted += weights[k] * p
                            total += weights[k]
                        }
                    }
                    if total > 0 {
                        scored.append(i)
                        scores.append(weighted / total)
                    }
                }
            }
            let pct = RiskIndex.midRankPercentiles(scores)
            var out = [Double?](repeating: nil, count: codes.count)
            for (k, i) in scored.enumerated() { out[i] = pct[k] }
            return out
        }

        /// Mid-rank percentiles of the scores of ranked areas (nil stays nil).
        private func rankedPercentiles(_ scores: [Double?]) -> [Double?] {
            let rankedIndices = scores.indices.filter { scores[$0] != nil && notRankedReasons[$0] == nil }
            let pct = RiskIndex.midRankPercentiles(rankedIndices.map { scores[$0]! })
            var out = [Double?](repeating: nil, count: scores.count)
            for (k, i) in rankedIndices.enumerated() { out[i] = pct[k] }
            return out
        }
    }

    /// Numerator (and denominator) of a component for one area; nil when a needed cell is
    /// missing or a CBS code (a code never enters a rate).
    static func raw(_ component: RiskComponent, _ area: AreaRecord) -> (numerator: Double, denominator: Double?)? {
        func sum(_ parts: [[String]]) -> Double? {
            var total = 0.0
            for alternatives in parts {
                guard let v = area.number(alternatives) else { return nil }
                total += v
            }
            return total
        }
        guard let n = sum(component.numerator) else { return nil }
        guard let denominator = component.denominator else { return (n, nil) }
        guard let d = sum(denominator) else { return nil }
        return (n, d)
    }

    /// Percentiles 0–100 by mid-rank: 100·(r − ½)/n with r the average rank (ties share it),
    /// ascending. Independent of input order.
    public static func midRankPercentiles(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = RadixOrder.ascending(values)
        var out = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end { out[order[k]] = 100 * (averageRank - 0.5) / Double(n) }
            start = end + 1
        }
        return out
    }
}
