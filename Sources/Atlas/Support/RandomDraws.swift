import Foundation

/// Draws from the distributions the forecast simulates, on `SplitMix64` (reproducible).
extension SplitMix64 {
    /// Standard normal (Box–Muller).
    public mutating func nextNormal() -> Double {
        let u = max(nextUnit(), 1e-300), v = nextUnit()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    /// Gamma with `shape` and scale 1 (Marsaglia & Tsang 2000; shape < 1 by boosting with u^(1/shape)).
    public mutating func nextGamma(shape: Double) -> Double {
        guard shape > 0, shape.isFinite else { return 0 }
        if shape < 1 { return nextGamma(shape: shape + 1) * pow(max(nextUnit(), 1e-300), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = nextNormal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextUnit()
            if u < 1 - 0.0331 * x * x * x * x || log(max(u, 1e-300)) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// Poisson with `mean`: by inversion up to a mean of 500, above it the normal approximation
    /// (rounded, at least 0), whose error there is far below a forecast interval's width.
    public mutating func nextPoisson(mean: Double) -> Int {
        guard mean > 0, mean.isFinite else { return 0 }
        if mean > 500 { return max(0, Int((mean + mean.squareRoot() * nextNormal()).rounded())) }
        var k = 0, p = exp(-mean), s = p
        let u = nextUnit()
        while u > s, k < 10_000 {
            k += 1
            p *= mean / Double(k)
            s += p
        }
        return k
    }
}
