import Foundation

/// A difference-in-differences estimate on monthly counts per area: a Poisson model with a fixed
/// effect per area and per month and one coefficient for the targeted areas after delivery, so
/// exp(coefficient) is the rate ratio the campaign brought (Wooldridge 2023, "Simple approaches to
/// nonlinear difference-in-differences with panel data"). Its interval uses Student's t on G − 1
/// degrees of freedom (G areas) and the larger of two standard errors: the cluster-robust one by
/// area (Bertrand, Duflo & Mullainathan 2004; Cameron & Miller 2015), which allows for serial
/// correlation within an area, and the quasi-Poisson one (the model's scaled by Pearson's
/// dispersion), which guards against the robust one's downward bias with few areas (Angrist &
/// Pischke 2009, §8.2). docs/METHOD.md §13.
public enum DifferenceInDifferences {
    /// Counts per area and month: `counts[area][month]`; months before `firstAfter` are before
    /// delivery, the others after.
    public struct Panel: Sendable, Equatable {
        public var counts: [[Int]]
        public var treated: [Bool]
        public var firstAfter: Int

        public init(counts: [[Int]], treated: [Bool], firstAfter: Int) {
            self.counts = counts
            self.treated = treated
            self.firstAfter = firstAfter
        }

        var months: Int { counts.first?.count ?? 0 }
    }

    public struct Estimate: Sendable, Equatable {
        /// log of the rate ratio; the standard error used (the larger of the next two); the
        /// cluster-robust and the quasi-Poisson standard errors; the plain Poisson one.
        public var coefficient: Double
        public var standardError: Double
        public var clusterStandardError: Double
        public var quasiStandardError: Double
        public var modelStandardError: Double
        public var rateRatio: Double
        public var rateRatioLow: Double
        public var rateRatioHigh: Double
        /// Areas (clusters) and months in the fit (those with no count at all carry no information).
        public var areas: Int
        public var months: Int
        /// Counts of the targeted areas after delivery: equal to their fitted sum (the score
        /// equation of the coefficient), so the extra counts are this × (1 − 1/rate ratio).
        public var treatedAfter: Int

        /// Extra counts in the targeted areas after delivery, with the interval's ends.
        public var extra: (central: Double, low: Double, high: Double) {
            let y = Double(treatedAfter)
            return (y * (1 - 1 / rateRatio), y * (1 - 1 / rateRatioLow), y * (1 - 1 / rateRatioHigh))
        }
    }

    /// Why a panel gives no estimate.
    public enum NotEstimable: Error, Sendable, Equatable {
        /// One of the four groups (targeted or control, before or after) has no count at all.
        case emptyGroup
        /// No targeted or no control area, or no month before or after.
        case noContrast
        /// The model did not converge or its information matrix is singular.
        case fitFailed
        /// Fewer than 10 residual degrees of freedom: too close to the counts themselves to
        /// publish (the output-checking rule for models, Eurostat 2015 / ONS SDC guidance).
        case tooFewObservations
    }

    /// The model of `panel` fitted, or why there is none: every estimate, placebo runs included,
    /// passes the same checks.
    static func fitted(_ panel: Panel) -> Result<(model: Model, fit: PoissonRegression.Fit), NotEstimable> {
        guard let model = Model(panel) else { return .failure(.noContrast) }
        guard model.groupTotals.allSatisfy({ $0 > 0 }) else { return .failure(.emptyGroup) }
        guard model.y.count - model.design.columns >= 10 else { return .failure(.tooFewObservations) }
        guard let fit = PoissonRegression.fit(model.design, counts: model.y) else { return .failure(.fitFailed) }
        return .success((model, fit))
    }

    public static func estimate(_ panel: Panel) -> Result<Estimate, NotEstimable> {
        let model: Model, fit: PoissonRegression.Fit
        switch fitted(panel) {
        case let .success(f): (model, fit) = f
        case let .failure(reason): return .failure(reason)
        }
        let beta = fit.coefficients[0]
        let variance = fit.clusterVariance(0, design: model.design, counts: model.y, clusters: model.cluster)
        guard variance.isFinite, fit.dispersion.isFinite, variance > 0,
              let t = ConfidenceIntervals.studentT(quantile: 0.975, degreesOfFreedom: Double(model.areas - 1))
        else { return .failure(.fitFailed) }
        let plain = fit.variance(0).squareRoot(), quasi = plain * max(fit.dispersion, 0).squareRoot()
        let se = max(variance.squareRoot(), quasi)
        return .success(Estimate(coefficient: beta, standardError: se, clusterStandardError: variance.squareRoot(),
                                 quasiStandardError: quasi, modelStandardError: plain,
                                 rateRatio: exp(beta), rateRatioLow: exp(beta - t * se), rateRatioHigh: exp(beta + t * se),
                                 areas: model.areas, months: model.monthsUsed, treatedAfter: model.groupTotals[3]))
    }

    /// The coefficient alone (for placebo runs), nil when the panel gives none.
    static func coefficient(_ panel: Panel) -> Double? { try? fitted(panel).get().fit.coefficients[0] }

    /// Fisher's randomisation (placebo) p-value: the campaign re-assigned `runs` times to as many
    /// areas drawn at random from the panel, and the share of placebo coefficients at least as far
    /// from 0 as `observed`, counting the observed one: (1 + #{|β*| ≥ |β|}) / (1 + runs). Runs that
    /// give no estimate are left out and not counted.
    public static func placeboPValue(_ panel: Panel, observed: Double, runs: Int, seed: UInt64) -> (p: Double, runs: Int)? {
        let k = panel.treated.filter { $0 }.count, n = panel.treated.count
        guard k > 0, k < n, runs > 0 else { return nil }
        let coefficients = Parallel.map(runs) { run -> Double? in
            var rng = SplitMix64(seed: seed &+ UInt64(run) &* 0x9E37_79B9_7F4A_7C15)
            var order = Array(0..<n)
            for i in 0..<k {
                let j = i + Int(rng.next() % UInt64(n - i))
                order.swapAt(i, j)
            }
            var placebo = panel
            placebo.treated = [Bool](repeating: false, count: n)
            for i in order.prefix(k) { placebo.treated[i] = true }
            return coefficient(placebo)
        }.compactMap { $0 }
        guard !coefficients.isEmpty else { return nil }
        let extreme = coefficients.filter { abs($0) >= abs(observed) - 1e-12 }.count
        return (Double(1 + extreme) / Double(1 + coefficients.count), coefficients.count)
    }

    /// The regression: column 0 the targeted-after indicator, then one column per area, then one
    /// per month but the first (areas and months without any count left out).
    struct Model {
        var design: PoissonRegression.Design
        var y: [Double]
        var cluster: [Int]
        var areas: Int
        var monthsUsed: Int
        /// Targeted before, control before, control after, targeted after.
        var groupTotals: [Int]

        init?(_ panel: Panel) {
            let keptAreas = panel.counts.indices.filter { panel.counts[$0].reduce(0, +) > 0 }
            let keptMonths = (0..<panel.months).filter { m in keptAreas.contains { panel.counts[$0][m] > 0 } }
            guard keptAreas.contains(where: { panel.treated[$0] }), keptAreas.contains(where: { !panel.treated[$0] }),
                  keptMonths.contains(where: { $0 < panel.firstAfter }), keptMonths.contains(where: { $0 >= panel.firstAfter })
            else { return nil }
            let monthColumn = Dictionary(uniqueKeysWithValues: keptMonths.dropFirst().enumerated().map {
                ($1, 1 + keptAreas.count + $0)
            })
            var rows: [[PoissonRegression.Entry]] = [], y: [Double] = [], cluster: [Int] = []
            var totals = [0, 0, 0, 0]
            for (column, a) in keptAreas.enumerated() {
                for m in keptMonths {
                    let after = m >= panel.firstAfter, count = panel.counts[a][m]
                    var row = [PoissonRegression.Entry(1 + column, 1)]
                    if panel.treated[a] && after { row.append(.init(0, 1)) }
                    if let c = monthColumn[m] { row.append(.init(c, 1)) }
                    rows.append(row)
                    y.append(Double(count))
                    cluster.append(a)
                    totals[panel.treated[a] ? (after ? 3 : 0) : (after ? 2 : 1)] += count
                }
            }
            design = .init(columns: 1 + keptAreas.count + keptMonths.count - 1, rows: rows)
            self.y = y
            self.cluster = cluster
            areas = keptAreas.count
            monthsUsed = keptMonths.count
            groupTotals = totals
        }
    }
}
