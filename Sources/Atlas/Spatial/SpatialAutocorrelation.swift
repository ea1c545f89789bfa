/// Moran's I and local Moran (LISA) with row-standardised contiguity weights and permutation
/// inference, as in Anselin (1995) and PySAL's esda (`Moran`, `Moran_Local`, transform "r").
public enum SpatialAutocorrelation {
    public struct Global: Sendable, Equatable {
        public var i: Double
        /// E[I] = −1 / (n − 1) under no spatial autocorrelation.
        public var expected: Double
        /// Pseudo p-value from permutations, one-sided in the direction of the observed I.
        public var pValue: Double
        public var permutations: Int
    }

    public enum Cluster: String, Sendable {
        case highHigh = "HH", lowLow = "LL", highLow = "HL", lowHigh = "LH", notSignificant = "ns", noNeighbours = "island"
    }

    public struct Local: Sendable, Equatable {
        public var i: Double
        public var pValue: Double
        public var cluster: Cluster
    }

    /// Global Moran's I of `values` over `neighbours` (indices into `values`).
    public static func moransI(_ values: [Double], neighbours: [[Int]], permutations: Int = 999,
                               seed: UInt64 = 7) -> Global {
        let n = values.count
        let observed = statistic(values, neighbours)
        let expected = -1 / Double(max(1, n - 1))
        // Permutations in parallel, each with its own seeded stream (same answer on any core count).
        let atLeastAsExtreme = Parallel.map(permutations) { k -> Int in
            var rng = SplitMix64(seed: seed &+ UInt64(k) &* 0x9E37_79B9_7F4A_7C15)
            var shuffled = values
            shuffle(&shuffled, &rng)
            let s = statistic(shuffled, neighbours)
            return (observed >= expected ? s >= observed : s <= observed) ? 1 : 0
        }.reduce(0, +)
        return Global(i: observed, expected: expected,
                      pValue: Double(atLeastAsExtreme + 1) / Double(permutations + 1), permutations: permutations)
    }

    static func statistic(_ values: [Double], _ neighbours: [[Int]]) -> Double {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let z = values.map { $0 - mean }
        let m2 = z.reduce(0) { $0 + $1 * $1 }
        guard m2 > 0 else { return 0 }
        var cross = 0.0, s0 = 0.0
        for (i, js) in neighbours.enumerated() where !js.isEmpty {
            let w = 1 / Double(js.count)
            for j in js { cross += w * z[i] * z[j] }
            s0 += 1
        }
        guard s0 > 0 else { return 0 }
        return (n / s0) * cross / m2
    }

    /// Local Moran Iᵢ = (zᵢ / m₂) · Σⱼ wᵢⱼ zⱼ with m₂ = Σ z² / n, and a conditional permutation
    /// test per area (its neighbours replaced by random other areas). Clusters at p ≤ `alpha`.
    public static func local(_ values: [Double], neighbours: [[Int]], permutations: Int = 999,
                             alpha: Double = 0.05, seed: UInt64 = 11) -> [Local] {
        let n = values.count
        let mean = values.reduce(0, +) / Double(n)
        let z = values.map { $0 - mean }
        let m2 = z.reduce(0) { $0 + $1 * $1 } / Double(n)
        // Areas in parallel, each with its own seeded stream (same answer on any core count).
        return Parallel.map(n) { i in
            var rng = SplitMix64(seed: seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
            let js = neighbours[i]
            guard !js.isEmpty, m2 > 0, n > js.count else { return Local(i: 0, pValue: 1, cluster: .noNeighbours) }
            let lag = js.reduce(0) { $0 + z[$1] } / Double(js.count)
            let observed = z[i] / m2 * lag
            var atLeastAsExtreme = 0
            var picked = [Int](repeating: 0, count: js.count)
            for _ in 0..<permutations {
                var sum = 0.0
                var count = 0
                // Draw js.count distinct other areas (a linear scan: neighbour lists are short).
                while count < js.count {
                    let j = Int(rng.next() % UInt64(n))
                    if j != i, !picked[0..<count].contains(j) { picked[count] = j; count += 1; sum += z[j] }
                }
                let s = z[i] / m2 * sum / Double(js.count)
                if observed >= 0 ? s >= observed : s <= observed { atLeastAsExtreme += 1 }
            }
            let p = Double(atLeastAsExtreme + 1) / Double(permutations + 1)
            let cluster: Cluster
            if p > alpha {
                cluster = .notSignificant
            } else if z[i] > 0 {
                cluster = lag > 0 ? .highHigh : .highLow
            } else {
                cluster = lag > 0 ? .lowHigh : .lowLow
            }
            return Local(i: observed, pValue: p, cluster: cluster)
        }
    }

    /// Fisher–Yates with the project's seeded generator.
    static func shuffle(_ values: inout [Double], _ rng: inout SplitMix64) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
