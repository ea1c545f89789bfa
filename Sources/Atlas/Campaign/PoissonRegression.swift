import Foundation

/// Poisson regression with a log link, fitted by iteratively reweighted least squares
/// (McCullagh & Nelder 1989, §2.5), on a sparse design: the campaign model has one column per
/// area and per month, and each row only touches three of them. The information matrix X′WX is
/// accumulated densely and solved by Cholesky; that is cheap for the few hundred columns of a
/// campaign or forecast model. docs/METHOD.md §13.
public enum PoissonRegression {
    /// One non-zero of a design row.
    public struct Entry: Sendable, Equatable {
        public var column: Int
        public var value: Double
        public init(_ column: Int, _ value: Double) {
            self.column = column
            self.value = value
        }
    }

    /// A design matrix as its non-zeros per row.
    public struct Design: Sendable {
        public var columns: Int
        public var rows: [[Entry]]
        public init(columns: Int, rows: [[Entry]]) {
            self.columns = columns
            self.rows = rows
        }

        func linearPredictor(_ beta: [Double], row: Int) -> Double {
            var eta = 0.0
            for e in rows[row] { eta += e.value * beta[e.column] }
            return eta
        }
    }

    public struct Fit: Sendable {
        public var coefficients: [Double]
        /// The fitted means, per row.
        public var fitted: [Double]
        public var deviance: Double
        public var iterations: Int
        public var observations: Int { fitted.count }
        public var parameters: Int { coefficients.count }
        /// Pearson's χ² over the residual degrees of freedom: 1 for Poisson counts, more when
        /// they are overdispersed.
        public var dispersion: Double
        /// The Cholesky factor of the information matrix X′WX at the estimate.
        let information: Cholesky

        /// Column `j` of the inverse information matrix (the model-based covariance).
        public func covarianceColumn(_ j: Int) -> [Double] {
            var e = [Double](repeating: 0, count: parameters)
            e[j] = 1
            return information.solve(e)
        }

        /// A draw of the coefficients from their approximate sampling distribution,
        /// N(β̂, scale · (X′WX)⁻¹), from standard normal `z` (one per coefficient).
        public func coefficientDraw(_ z: [Double], scale: Double = 1) -> [Double] {
            let v = information.solveTransposed(z), s = scale.squareRoot()
            return coefficients.indices.map { coefficients[$0] + s * v[$0] }
        }

        /// The model-based variance of coefficient `j` (Poisson: dispersion 1).
        public func variance(_ j: Int) -> Double { covarianceColumn(j)[j] }

        /// The cluster-robust (sandwich) variance of coefficient `j`, with the rows grouped by
        /// `clusters` (Liang & Zeger 1986; Cameron & Miller 2015), and the small-sample factor
        /// G/(G−1) · (N−1)/(N−K) that Stata and statsmodels apply.
        public func clusterVariance(_ j: Int, design: Design, counts: [Double], clusters: [Int]) -> Double {
            let b = covarianceColumn(j)
            var score: [Int: Double] = [:]
            for i in design.rows.indices {
                var bx = 0.0
                for e in design.rows[i] { bx += b[e.column] * e.value }
                score[clusters[i], default: 0] += bx * (counts[i] - fitted[i])
            }
            let g = Double(score.count), n = Double(observations), k = Double(parameters)
            guard g > 1, n > k else { return .nan }
            return score.values.reduce(0) { $0 + $1 * $1 } * g / (g - 1) * (n - 1) / (n - k)
        }
    }

    /// The maximum-likelihood fit, or nil when the design is singular at the data (a column
    /// without information, such as an area whose counts are all 0) or IRLS does not converge.
    public static func fit(_ design: Design, counts y: [Double], offset: [Double]? = nil,
                           maxIterations: Int = 100, tolerance: Double = 1e-12) -> Fit? {
        let n = design.rows.count, p = design.columns
        guard n == y.count, n > p, p > 0, y.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let off = offset ?? [Double](repeating: 0, count: n)
        // Start from μ = y + ½ (a working response that needs no coefficients yet).
        var mu = y.map { $0 + 0.5 }
        var eta = zip(mu, off).map { log($0) - $1 }
        var beta = [Double](repeating: 0, count: p)
        var deviance = Double.infinity
        for iteration in 1...maxIterations {
            var xtwz = [Double](repeating: 0, count: p)
            for i in 0..<n {
                let z = eta[i] + (y[i] - mu[i]) / mu[i]
                for a in design.rows[i] { xtwz[a.column] += a.value * mu[i] * z }
            }
            guard let factor = information(design, weights: mu) else { return nil }
            beta = factor.solve(xtwz)
            for i in 0..<n {
                eta[i] = design.linearPredictor(beta, row: i)
                mu[i] = exp(eta[i] + off[i])
            }
            guard mu.allSatisfy({ $0.isFinite && $0 > 0 }) else { return nil }
            let next = poissonDeviance(y, mu)
            if abs(next - deviance) / (abs(next) + 0.1) < tolerance {
                return finish(design, y, beta, mu, next, iteration, p)
            }
            deviance = next
        }
        return nil
    }

    private static func finish(_ design: Design, _ y: [Double], _ beta: [Double], _ mu: [Double], _ deviance: Double,
                               _ iterations: Int, _ p: Int) -> Fit? {
        var pearson = 0.0
        for i in design.rows.indices { pearson += (y[i] - mu[i]) * (y[i] - mu[i]) / mu[i] }
        guard let information = information(design, weights: mu) else { return nil }
        return Fit(coefficients: beta, fitted: mu, deviance: deviance, iterations: iterations,
                   dispersion: pearson / Double(y.count - p), information: information)
    }

    /// The Cholesky factor of X′WX (W = diag(`weights`), the Poisson weights μ), accumulated
    /// over the rows' non-zeros; nil when it is not positive definite.
    static func information(_ design: Design, weights: [Double]) -> Cholesky? {
        let p = design.columns
        var xtwx = [Double](repeating: 0, count: p * p)
        for i in design.rows.indices {
            for a in design.rows[i] {
                for b in design.rows[i] where b.column <= a.column { xtwx[a.column * p + b.column] += a.value * weights[i] * b.value }
            }
        }
        return Cholesky(lowerOf: xtwx, size: p)
    }

    /// 2 Σ [y log(y/μ) − (y − μ)].
    static func poissonDeviance(_ y: [Double], _ mu: [Double]) -> Double {
        var d = 0.0
        for i in y.indices { d += (y[i] > 0 ? y[i] * log(y[i] / mu[i]) : 0) - (y[i] - mu[i]) }
        return 2 * d
    }
}

/// The Cholesky factor L (A = LLᵀ) of a symmetric positive-definite matrix, row-major.
struct Cholesky: Sendable {
    let size: Int
    private let l: [Double]

    /// From the lower triangle of `a` (p × p, row-major); nil when it is not positive definite
    /// to working precision.
    init?(lowerOf a: [Double], size p: Int) {
        var l = [Double](repeating: 0, count: p * p)
        var largest = 0.0
        for i in 0..<p { largest = max(largest, a[i * p + i]) }
        guard largest > 0 else { return nil }
        for i in 0..<p {
            for j in 0...i {
                var s = a[i * p + j]
                for k in 0..<j { s -= l[i * p + k] * l[j * p + k] }
                if i == j {
                    guard s > largest * 1e-13 else { return nil }
                    l[i * p + i] = s.squareRoot()
                } else {
                    l[i * p + j] = s / l[j * p + j]
                }
            }
        }
        size = p
        self.l = l
    }

    /// v with Lᵀ v = z: for z standard normal, v ~ N(0, A⁻¹) (a draw of the estimate's error).
    func solveTransposed(_ z: [Double]) -> [Double] {
        let p = size
        var y = z
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = y[i]
            for k in (i + 1)..<p { s -= l[k * p + i] * y[k] }
            y[i] = s / l[i * p + i]
        }
        return y
    }

    /// x with A x = b.
    func solve(_ b: [Double]) -> [Double] {
        let p = size
        var y = b
        for i in 0..<p {
            var s = y[i]
            for k in 0..<i { s -= l[i * p + k] * y[k] }
            y[i] = s / l[i * p + i]
        }
        return solveTransposed(y)
    }
}
