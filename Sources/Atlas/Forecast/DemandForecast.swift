import Foundation

/// Help requests per month forecast with a Poisson model with a trend and a month-of-year
/// effect, overdispersion allowed (quasi-Poisson), and checked against the seasonal-naive
/// forecast (the same month a year before) in a rolling-origin backtest (Hyndman & Koehler 2006,
/// "Another look at measures of forecast accuracy", for MASE; Hyndman & Athanasopoulos,
/// *Forecasting: Principles and Practice*, 3rd ed., §5.8 and §5.10). docs/METHOD.md §14.
public enum DemandForecast {
    public struct Settings: Sendable, Equatable {
        /// The history a fit needs (two years: each month of the year seen twice).
        public var minimumMonths: Int
        /// Simulations for the prediction intervals.
        public var draws: Int
        public var seed: UInt64
        public init(minimumMonths: Int = 24, draws: Int = 2000, seed: UInt64 = 20_261_207) {
            self.minimumMonths = minimumMonths
            self.draws = draws
            self.seed = seed
        }
    }

    /// The fitted model: log μ = a + b·(months since the first)/12 + s(month of the year).
    public struct Model: Sendable {
        public var firstMonth: Int
        public var months: Int
        public var fit: PoissonRegression.Fit
        /// Pearson's dispersion, at least 1 (quasi-Poisson scale).
        public var dispersion: Double { max(1, fit.dispersion) }
        /// The change per year as a rate ratio (exp b).
        public var yearlyRateRatio: Double { exp(fit.coefficients[1]) }

        static func row(_ month: Int, firstMonth: Int) -> [PoissonRegression.Entry] {
            var row = [PoissonRegression.Entry(0, 1), .init(1, Double(month - firstMonth) / 12)]
            let moy = ((month % 12) + 12) % 12
            if moy > 0 { row.append(.init(1 + moy, 1)) }
            return row
        }

        /// The expected requests in `month` (any month index, also beyond the history).
        public func mean(_ month: Int, coefficients: [Double]? = nil) -> Double {
            let beta = coefficients ?? fit.coefficients
            return exp(Self.row(month, firstMonth: firstMonth).reduce(0) { $0 + $1.value * beta[$1.column] })
        }
    }

    /// The model fitted to `counts` (month `firstMonth` first), or nil with less than
    /// `minimumMonths` or without any request.
    public static func fit(_ counts: [Int], firstMonth: Int, settings: Settings = .init()) -> Model? {
        guard counts.count >= max(settings.minimumMonths, 14), counts.contains(where: { $0 > 0 }) else { return nil }
        let design = PoissonRegression.Design(columns: 13, rows: counts.indices.map { Model.row(firstMonth + $0, firstMonth: firstMonth) })
        guard let fit = PoissonRegression.fit(design, counts: counts.map(Double.init)) else { return nil }
        return Model(firstMonth: firstMonth, months: counts.count, fit: fit)
    }

    /// A forecast of a period of months: its expected requests and the 95% prediction interval.
    public struct PeriodForecast: Sendable, Equatable {
        public var months: ClosedRange<Int>
        public var mean: Double
        public var low: Double
        public var high: Double
        public init(months: ClosedRange<Int>, mean: Double, low: Double, high: Double) {
            self.months = months
            self.mean = mean
            self.low = low
            self.high = high
        }
    }

    /// The next four whole calendar quarters after the history (a quarter the history ends
    /// inside is not forecast), each with a 95% prediction interval by simulation: coefficients
    /// drawn from N(β̂, φ·(X′WX)⁻¹), then the quarter's count from a negative binomial with that
    /// mean and variance φ·mean (Poisson when φ = 1).
    public static func nextQuarters(_ model: Model, quarters: Int = 4, settings: Settings = .init()) -> [PeriodForecast] {
        simulate(model, periods: quarterMonths(after: model.firstMonth + model.months - 1, count: quarters), settings: settings)
    }

    /// The months of the `count` whole calendar quarters after month `last`.
    public static func quarterMonths(after last: Int, count: Int = 4) -> [ClosedRange<Int>] {
        let first = (last / 3 + 1) * 3
        return (0..<count).map { q in (first + 3 * q)...(first + 3 * q + 2) }
    }

    static func simulate(_ model: Model, periods: [ClosedRange<Int>], settings: Settings) -> [PeriodForecast] {
        let phi = model.dispersion, p = model.fit.parameters
        var rng = SplitMix64(seed: settings.seed)
        var draws = [[Double]](repeating: [], count: periods.count)
        for _ in 0..<max(settings.draws, 1) {
            let beta = model.fit.coefficientDraw((0..<p).map { _ in rng.nextNormal() }, scale: phi)
            for (k, period) in periods.enumerated() {
                let mu = period.reduce(0) { $0 + model.mean($1, coefficients: beta) }
                let lambda = phi > 1 ? rng.nextGamma(shape: mu / (phi - 1)) * (phi - 1) : mu
                draws[k].append(Double(rng.nextPoisson(mean: lambda)))
            }
        }
        return periods.enumerated().map { k, period in
            let sorted = draws[k].sorted()
            return PeriodForecast(months: period, mean: period.reduce(0) { $0 + model.mean($1) },
                                  low: Stats.quantile(sorted: sorted, 0.025) ?? 0, high: Stats.quantile(sorted: sorted, 0.975) ?? 0)
        }
    }

    /// The rolling-origin backtest: from every `step`-th month after `minimumMonths`, the model
    /// fitted to the months before it forecasts the next `horizon` months (as far as the history
    /// goes), and so does the seasonal-naive forecast (the last observed same month of the year).
    /// Each error is scaled by the training months' mean absolute seasonal-naive error
    /// (one-step, lag 12); MASE is the mean of the scaled absolute errors (below 1: better than
    /// the in-sample seasonal-naive forecast).
    public struct Backtest: Sendable, Equatable {
        public var origins: Int
        public var errors: Int
        public var maseModel: Double
        public var maseSeasonalNaive: Double
        public var modelBeatsBaseline: Bool { maseModel < maseSeasonalNaive }
    }

    public static func backtest(_ counts: [Int], firstMonth: Int, step: Int = 3, horizon: Int = 12,
                                settings: Settings = .init()) -> Backtest? {
        var origins = 0
        var model: [Double] = [], naive: [Double] = []
        var origin = max(settings.minimumMonths, 14)
        while origin < counts.count {
            defer { origin += step }
            let training = Array(counts[..<origin])
            var absolute = 0.0
            for t in 12..<training.count { absolute += abs(Double(training[t] - training[t - 12])) }
            let scale = absolute / Double(training.count - 12)
            guard scale > 0, let fitted = fit(training, firstMonth: firstMonth, settings: settings) else { continue }
            origins += 1
            for t in origin..<min(counts.count, origin + horizon) {
                var same = t - 12
                while same >= origin { same -= 12 }
                model.append(abs(Double(counts[t]) - fitted.mean(firstMonth + t)) / scale)
                naive.append(abs(Double(counts[t] - counts[same])) / scale)
            }
        }
        guard !model.isEmpty else { return nil }
        return Backtest(origins: origins, errors: model.count, maseModel: model.reduce(0, +) / Double(model.count),
                        maseSeasonalNaive: naive.reduce(0, +) / Double(naive.count))
    }
}
