@testable import Atlas
import Foundation
import Testing

/// The demand forecast on the generated history of Tests/Fixtures/forecast/make_forecast_history.py
/// (a trend and a seasonal pattern) against statsmodels' fit and the script's own backtest, and
/// its backtest on the demo history (docs/METHOD.md §14).
@Suite struct DemandForecastTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let firstMonth = Day(year: 2020, month: 1, day: 1)!.monthIndex

    static func lines(_ relative: String) throws -> [[String]] {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func history() throws -> [Int] { try lines("Tests/Fixtures/forecast/history.csv").map { Int($0[1])! } }
    static func expected() throws -> [String: Double] {
        Dictionary(uniqueKeysWithValues: try lines("Tests/Fixtures/forecast/expected.csv").map { ($0[0], Double($0[1])!) })
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 5e-4 * abs(b) || abs(a - b) < 1e-7 }

    @Test func theModelAgreesWithStatsmodels() throws {
        let x = try Self.expected()
        let model = try #require(DemandForecast.fit(try Self.history(), firstMonth: Self.firstMonth))
        for j in 0..<13 {
            let b = x["coefficient_\(j)"]!
            #expect(Self.close(model.fit.coefficients[j], b), "coefficient \(j): \(model.fit.coefficients[j]) vs \(b)")
        }
        #expect(Self.close(model.fit.dispersion, x["dispersion"]!))
        let quarters = DemandForecast.nextQuarters(model)
        #expect(quarters.map(\.months.lowerBound) == [0, 3, 6, 9].map { Day(year: 2024, month: 1, day: 1)!.monthIndex + $0 })
        for (q, f) in quarters.enumerated() {
            #expect(Self.close(f.mean, x["quarter_\(q + 1)_mean"]!), "quarter \(q + 1): \(f.mean)")
            // The 95% interval holds the mean and is about ±1.96·√(φ·mean) wide (plus the coefficients' spread).
            let sd = (model.dispersion * f.mean).squareRoot()
            #expect(f.low < f.mean && f.mean < f.high && f.high - f.low > 3.5 * sd && f.high - f.low < 6 * sd, "\(f) sd \(sd)")
        }
    }

    /// On a history with a trend and a season the model beats seasonal naive, with the script's figures.
    @Test func theBacktestAgreesAndTheModelBeatsSeasonalNaive() throws {
        let x = try Self.expected()
        let b = try #require(DemandForecast.backtest(try Self.history(), firstMonth: Self.firstMonth))
        print("forecast backtest (generated): MASE model \(b.maseModel), seasonal naive \(b.maseSeasonalNaive), \(b.errors) errors")
        #expect(b.errors == Int(x["backtest_errors"]!))
        #expect(Self.close(b.maseModel, x["mase_model"]!) && Self.close(b.maseSeasonalNaive, x["mase_seasonal_naive"]!))
        #expect(b.modelBeatsBaseline)
    }

    /// A deliberately broken model (no trend: the history's mean per month of the year) loses
    /// its edge on the same backtest: the check can fail.
    @Test func aModelWithoutTheTrendDoesNotBeatTheBaselineAsClearly() throws {
        let counts = try Self.history()
        let b = try #require(DemandForecast.backtest(counts, firstMonth: Self.firstMonth))
        var errors: [Double] = []
        for origin in stride(from: 24, to: counts.count, by: 3) {
            let training = Array(counts[..<origin])
            var absolute = 0.0
            for t in 12..<training.count { absolute += abs(Double(training[t] - training[t - 12])) }
            let scale = absolute / Double(training.count - 12)
            for t in origin..<min(counts.count, origin + 12) {
                let same = stride(from: t % 12, to: origin, by: 12).map { Double(training[$0]) }
                errors.append(abs(Double(counts[t]) - same.reduce(0, +) / Double(same.count)) / scale)
            }
        }
        let flat = errors.reduce(0, +) / Double(errors.count)
        #expect(flat > b.maseModel, "no-trend \(flat) vs model \(b.maseModel)")
    }

    /// The demo history (Data/sample_requests.csv): 36 months of help requests, all locations.
    @Test func theBacktestRunsOnTheDemoHistory() throws {
        var monthly: [Int: Int] = [:]
        for row in try Self.lines("Data/sample_requests.csv") where row.count > 2 && row[2] == "hulpvraag" {
            let date = try Day(parsing: row[1])
            monthly[date.monthIndex, default: 0] += 1
        }
        let first = monthly.keys.min()!, last = monthly.keys.max()!
        let counts = (first...last).map { monthly[$0] ?? 0 }
        #expect(counts.count == 36)
        let b = try #require(DemandForecast.backtest(counts, firstMonth: first))
        print("forecast backtest (demo): MASE model \(b.maseModel), seasonal naive \(b.maseSeasonalNaive), \(b.origins) origins")
        #expect(b.maseModel.isFinite && b.maseSeasonalNaive.isFinite && b.origins == 4 && b.errors == 30)
        let model = try #require(DemandForecast.fit(counts, firstMonth: first))
        #expect(DemandForecast.nextQuarters(model).count == 4)
        #expect(DemandForecast.fit(Array(counts.prefix(20)), firstMonth: first) == nil)
    }
}

/// Volunteers needed, written out.
@Suite struct VolunteersNeededTests {
    @Test func atTheCurrentRatioAndAtATarget() throws {
        // 68 active for 240 requests last year, 316.5 expected: 316.5 · 68 / 240 = 89.675 → 90, 22 short.
        let current = try #require(VolunteersNeeded.need(forecastRequests: 316.5, active: 68, lastYearRequests: 240,
                                                         requestsPerVolunteer: nil))
        #expect(current.needed == 90 && current.gap == 22 && abs(current.helpersPerRequest - 68.0 / 240) < 1e-12)
        // At 5 requests per volunteer a year: 316.5 / 5 = 63.3 → 64, 4 fewer than active.
        let target = try #require(VolunteersNeeded.need(forecastRequests: 316.5, active: 68, lastYearRequests: 240,
                                                        requestsPerVolunteer: 5))
        #expect(target.needed == 64 && target.gap == -4)
        #expect(VolunteersNeeded.need(forecastRequests: 10, active: 3, lastYearRequests: 0, requestsPerVolunteer: nil) == nil)
        #expect(VolunteersNeeded.need(forecastRequests: .nan, active: 3, lastYearRequests: 10, requestsPerVolunteer: nil) == nil)
        #expect(VolunteersNeeded.need(forecastRequests: 20, active: 4, lastYearRequests: 20, requestsPerVolunteer: nil)?.needed == 4)
    }
}
