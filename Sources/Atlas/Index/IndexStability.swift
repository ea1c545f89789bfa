/// How firm an area's rank is: the index recomputed without each component in turn and under
/// random weights (a fixed seed, so runs are reproducible).
public enum IndexStability {
    public struct AreaStability: Sendable, Equatable {
        /// 5th and 95th percentile of the area's index percentile over the weight perturbations.
        public var p5: Double
        public var p95: Double
        /// Share of perturbation runs in which the area is in the top decile (percentile ≥ 90).
        public var topDecileShare: Double
    }

    public struct Alternative: Sendable, Equatable {
        public var name: String
        /// Spearman correlation of the alternative's percentiles with the default's (ranked areas).
        public var spearman: Double
    }

    public struct Result: Sendable {
        public var byCode: [String: AreaStability]
        /// "without <component>" for each component, then a summary of the perturbations.
        public var alternatives: [Alternative]
        public var perturbationSpearmanMedian: Double?
        public var perturbationSpearmanMin: Double?
    }

    /// Each run multiplies every default weight by an independent factor uniform in
    /// [1 − spread, 1 + spread].
    public static func compute(_ prepared: RiskIndex.Prepared, runs: Int = 200, spread: Double = 0.5,
                               seed: UInt64 = 20_240_101) -> Result {
        let defaults = prepared.used.map(\.weight)
        let base = prepared.scores(weights: defaults)
        let ranked = base.indices.filter { base[$0].percentile != nil }
        let basePct = ranked.map { base[$0].percentile! }
        @Sendable func percentiles(_ weights: [Double]) -> [Double] {
            let s = prepared.percentiles(weights: weights)
            return ranked.map { s[$0] ?? 0 }
        }
        var alternatives: [Alternative] = []
        if prepared.used.count > 1 {
            for (c, component) in prepared.used.enumerated() {
                var w = defaults
                w[c] = 0
                alternatives.append(Alternative(name: "without \(component.name)",
                                                spearman: spearman(basePct, percentiles(w))))
            }
        }
        var rng = SplitMix64(seed: seed)
        let weightings = (0..<runs).map { _ in defaults.map { $0 * (1 - spread + 2 * spread * rng.nextUnit()) } }
        let baseRanks = RiskIndex.midRankPercentiles(basePct)  // ranked once, not once per run
        // The runs are independent: all cores, same answers. They go in batches, and each run's
        // percentiles are kept as Float (area-major, `runs` per area), so that 456,661 PC6
        // areas × 200 runs take 365 MB instead of the 1.5 GB of all runs held as Double arrays.
        let n = ranked.count
        var samples = [Float](repeating: 0, count: n * runs)
        var correlations: [Double] = []
        let batch = 16
        for first in stride(from: 0, to: runs, by: batch) {
            let results = Parallel.map(min(batch, runs - first)) { k -> ([Double], Double) in
                let p = percentiles(weightings[first + k])
                // A run ranks the same areas as the base (every perturbed weight is positive), so
                // its percentiles are mid-ranks already: ranking them again gives them back.
                return (p, Stats.pearson(baseRanks, p))
            }
            for (k, (p, correlation)) in results.enumerated() {
                for a in 0..<n { samples[a * runs + first + k] = Float(p[a]) }
                correlations.append(correlation)
            }
        }
        let allSamples = samples
        let perArea = Parallel.map(n) { a -> AreaStability in
            let sorted = allSamples[(a * runs)..<((a + 1) * runs)].map(Double.init).sorted()
            return AreaStability(
                p5: Stats.quantile(sorted: sorted, 0.05) ?? 0, p95: Stats.quantile(sorted: sorted, 0.95) ?? 0,
                topDecileShare: Double(sorted.filter { $0 >= 90 }.count) / Double(max(1, sorted.count)))
        }
        var byCode: [String: AreaStability] = [:]
        byCode.reserveCapacity(n)
        for (k, i) in ranked.enumerated() { byCode[base[i].code] = perArea[k] }
        return Result(byCode: byCode, alternatives: alternatives,
                      perturbationSpearmanMedian: Stats.median(correlations), perturbationSpearmanMin: correlations.min())
    }

    /// Spearman's ρ: Pearson correlation of the mid-ranks (ties share their rank).
    public static func spearman(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count)
        return Stats.pearson(RiskIndex.midRankPercentiles(a), RiskIndex.midRankPercentiles(b))
    }
}

/// A small, fast, reproducible random number generator (Steele, Lea & Flood 2014).
public struct SplitMix64: Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
