import Foundation

/// Confidence intervals for the study report (docs/METHOD.md §12): Wilson's score interval for a
/// proportion, and Student's t interval for the slope of a least-squares line.
public enum ConfidenceIntervals {
    /// The standard normal quantile for a two-sided 95% interval.
    public static let z95 = 1.959963984540054

    /// Wilson's score interval (Wilson 1927) for `successes` of `trials` at level 1 − α (z).
    public static func wilson(successes: Int, trials: Int, z: Double = z95) -> (low: Double, high: Double)? {
        guard trials > 0, successes >= 0, successes <= trials else { return nil }
        let n = Double(trials), p = Double(successes) / n, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return (max(0, centre - half), min(1, centre + half))
    }

    /// A least-squares line with the standard error of its slope and the slope's two-sided 95%
    /// interval: slope ± t(0.975, n − 2) · √(SSE / (n − 2) / Sxx).
    public struct SlopeFit: Sendable, Equatable {
        public var fit: Stats.LinearFit
        public var points: Int
        public var standardError: Double
        public var low: Double
        public var high: Double
    }

    public static func slope(x: [Double], y: [Double]) -> SlopeFit? {
        guard x.count >= 3, let fit = Stats.linearFit(x: x, y: y) else { return nil }
        let m = Stats.coMoments(x, y)
        let df = Double(x.count - 2)
        let sse = max(0, m.syy - fit.slope * m.sxy)
        let se = (sse / df / m.sxx).squareRoot()
        guard let t = studentT(quantile: 0.975, degreesOfFreedom: df) else { return nil }
        return SlopeFit(fit: fit, points: x.count, standardError: se, low: fit.slope - t * se, high: fit.slope + t * se)
    }

    /// The p-quantile of Student's t distribution with `df` degrees of freedom, by bisection on
    /// its distribution function (through the regularised incomplete beta function).
    public static func studentT(quantile p: Double, degreesOfFreedom df: Double) -> Double? {
        guard p > 0, p < 1, df > 0 else { return nil }
        if p < 0.5 { return studentT(quantile: 1 - p, degreesOfFreedom: df).map { -$0 } }
        var lo = 0.0, hi = 1.0
        while studentTCDF(hi, df) < p { hi *= 2; if hi > 1e12 { return nil } }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if studentTCDF(mid, df) < p { lo = mid } else { hi = mid }
            if hi - lo < 1e-13 * max(1, hi) { break }
        }
        return (lo + hi) / 2
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom.
    public static func studentTCDF(_ t: Double, _ df: Double) -> Double {
        let x = df / (df + t * t)
        let tail = 0.5 * regularisedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// I_x(a, b) by the continued fraction of Numerical Recipes (Press et al. 2007, §6.4).
    static func regularisedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront = logGammas + logPowers
        if x < (a + 1) / (a + b + 2) { return exp(logFront) * betaContinuedFraction(x, a, b) / a }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
    }

    private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
