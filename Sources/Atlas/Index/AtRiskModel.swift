import Foundation

/// Turns an index rank into expected households at risk per area, calibrated to a national
/// prevalence (docs/METHOD.md §10).
///
/// Model: share(area) = logistic(a + b·z), where z is the normal score of the area's index
/// percentile. The slope b is the spread between municipalities that the national sources
/// report; the intercept a is solved so that the household-weighted mean share over the
/// ranked areas equals the prevalence. The uncertainty is the range over four scenarios:
/// the prevalence's low and high value × half and double the slope.
public struct AtRiskModel: Sendable, Equatable {
    public var index: IndexName
    /// Share of households at risk nationally (central value).
    public var prevalence: Double
    public var prevalenceLow: Double
    public var prevalenceHigh: Double
    /// Logit change per standard deviation of the normal score.
    public var slope: Double
    /// What "at risk" means here, for the report's method note.
    public var meaning: String

    public init(index: IndexName, prevalence: Double, prevalenceLow: Double, prevalenceHigh: Double, slope: Double,
                meaning: String) {
        self.index = index
        self.prevalence = prevalence
        self.prevalenceLow = prevalenceLow
        self.prevalenceHigh = prevalenceHigh
        self.slope = slope
        self.meaning = meaning
    }

    /// CBS: 8.3% of households had registered problematic debts on 1 January 2018 (7.6% in
    /// October 2020, 8.6% in 2015); highest municipality Rotterdam 15.8%. Slope: a municipality
    /// at z ≈ 2.8 (the largest of ~355) at 15.8% against 8.3% gives b ≈ 0.26.
    public static let debt = AtRiskModel(index: .debt, prevalence: 0.083, prevalenceLow: 0.076, prevalenceHigh: 0.086,
                                         slope: 0.26, meaning: "households with registered problematic debts")
    /// RIVM, Gezondheid per wijk en buurt 2020: 11.2% of adults severely lonely (14.2% in 2022,
    /// the high scenario). The slope is fitted so that the municipal means match RIVM's
    /// municipal shares (training half; `docs/validation/fit_indices.py`, RMSE 0.8 points).
    /// Applied to households as an approximation (a household with a severely lonely adult).
    public static let loneliness = AtRiskModel(index: .loneliness, prevalence: 0.112, prevalenceLow: 0.10,
                                               prevalenceHigh: 0.142, slope: 0.327,
                                               meaning: "households with a severely lonely adult")
    /// The same for people aged 65+ (RIVM 2020: 10.4% severely lonely), fitted on the 65+ shares.
    public static let loneliness65Plus = AtRiskModel(index: .loneliness, prevalence: 0.104, prevalenceLow: 0.09,
                                                     prevalenceHigh: 0.13, slope: 0.223,
                                                     meaning: "households with a severely lonely person aged 65+")

    /// The model of an index variant (see `RiskIndexDefinition.variants(of:)`).
    public static func standard(for index: IndexName, variant: String = "default") -> AtRiskModel {
        switch (index, variant) {
        case (.debt, _): return .debt
        case (.loneliness, "65_plus"): return .loneliness65Plus
        case (.loneliness, _): return .loneliness
        }
    }

    /// The expected share at risk of one area, with its scenario range.
    public struct Share: Sendable, Equatable {
        public var central: Double
        public var low: Double
        public var high: Double
        public init(central: Double, low: Double, high: Double) {
            self.central = central
            self.low = low
            self.high = high
        }
        public static let zero = Share(central: 0, low: 0, high: 0)
        public static func + (a: Share, b: Share) -> Share {
            Share(central: a.central + b.central, low: a.low + b.low, high: a.high + b.high)
        }
        public func scaled(by f: Double) -> Share { Share(central: central * f, low: low * f, high: high * f) }
    }

    /// A model fitted to one set of areas: the intercept per scenario.
    public struct Fitted: Sendable {
        public let model: AtRiskModel
        let central: (a: Double, b: Double)
        let scenarios: [(a: Double, b: Double)]

        public func share(percentile: Double) -> Share {
            let z = AtRiskModel.normalScore(percentile: percentile)
            let values = scenarios.map { logistic($0.a + $0.b * z) }
            return Share(central: logistic(central.a + central.b * z), low: values.min()!, high: values.max()!)
        }

        /// The total expected at risk in a set of (percentile, households), per scenario: (central, low, high).
        public func total(_ areas: [(percentile: Double, households: Double)]) -> Share {
            func sum(_ p: (a: Double, b: Double)) -> Double {
                areas.reduce(0) { $0 + $1.households * logistic(p.a + p.b * AtRiskModel.normalScore(percentile: $1.percentile)) }
            }
            let values = scenarios.map(sum)
            return Share(central: sum(central), low: values.min()!, high: values.max()!)
        }
    }

    /// Fits the intercepts on the ranked areas of a set: (index percentile 0–100, households).
    /// Returns nil when no area has households.
    public func fit(_ areas: [(percentile: Double, households: Double)]) -> Fitted? {
        let weighted = areas.filter { $0.households > 0 }
        guard !weighted.isEmpty else { return nil }
        let z = weighted.map { AtRiskModel.normalScore(percentile: $0.percentile) }
        let total = weighted.reduce(0) { $0 + $1.households }
        func intercept(prevalence: Double, slope: Double) -> Double {
            // The weighted mean share increases with a: bisection to 1e-12.
            var lo = -30.0, hi = 30.0
            for _ in 0..<200 {
                let mid = (lo + hi) / 2
                var mean = 0.0
                for (i, area) in weighted.enumerated() { mean += area.households * logistic(mid + slope * z[i]) }
                if mean / total < prevalence { lo = mid } else { hi = mid }
                if hi - lo < 1e-12 { break }
            }
            return (lo + hi) / 2
        }
        var scenarios: [(a: Double, b: Double)] = []
        for p in [prevalenceLow, prevalenceHigh] {
            for b in [slope / 2, slope * 2] { scenarios.append((intercept(prevalence: p, slope: b), b)) }
        }
        return Fitted(model: self, central: (intercept(prevalence: prevalence, slope: slope), slope), scenarios: scenarios)
    }

    /// Φ⁻¹(percentile / 100), with the percentile kept inside (0.5, 99.5) so that the top
    /// area of a small set is not infinitely risky.
    public static func normalScore(percentile: Double) -> Double {
        inverseNormalCDF(min(max(percentile, 0.5), 99.5) / 100)
    }

    /// The inverse standard normal distribution function (Acklam's rational approximation,
    /// relative error below 1.2e-9).
    public static func inverseNormalCDF(_ p: Double) -> Double {
        precondition(p > 0 && p < 1)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * Foundation.log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low { return -inverseNormalCDF(1 - p) }
        let q = p - 0.5, r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}

@inline(__always) func logistic(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
