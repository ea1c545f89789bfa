@testable import Atlas
import Foundation
import Testing

/// The study's statistics against independent values (scipy, statsmodels: Tests/Fixtures/expected/
/// make_study_expected.py) and brute force.
@Suite struct StudyTests {
    /// Student's t quantiles as scipy.stats.t.ppf gives them.
    @Test func studentTQuantilesAgreeWithScipy() throws {
        let expected: [(Double, Double)] = [(1, 12.70620473617471), (2, 4.302652729749464), (5, 2.570581835636314),
                                            (25, 2.059538552753294), (100, 1.983971518523552)]
        for (df, t) in expected {
            let mine = try #require(ConfidenceIntervals.studentT(quantile: 0.975, degreesOfFreedom: df))
            #expect(abs(mine - t) < 1e-9, "df \(df): \(mine) vs \(t)")
        }
        #expect(ConfidenceIntervals.studentT(quantile: 0.025, degreesOfFreedom: 25).map { abs($0 + 2.059538552753294) < 1e-9 } == true)
    }

    /// Wilson's interval: statsmodels' proportion_confint(method="wilson") values, and its edges.
    @Test func wilsonIntervals() throws {
        let i = try #require(ConfidenceIntervals.wilson(successes: 962, trials: 1371))
        #expect(abs(i.low - 0.6769232342) < 1e-9 && abs(i.high - 0.725304962) < 1e-9)
        let none = try #require(ConfidenceIntervals.wilson(successes: 0, trials: 10))
        #expect(none.low == 0 && none.high > 0.25 && none.high < 0.35)
        #expect(ConfidenceIntervals.wilson(successes: 3, trials: 0) == nil)
        #expect(ConfidenceIntervals.wilson(successes: 5, trials: 3) == nil)
    }

    /// The slope's interval by brute force: slope ± t · √(SSE/(n−2)/Sxx) written out.
    @Test func slopeIntervalWrittenOut() throws {
        let y: [Double] = [3, 5, 4, 8, 9, 7, 12, 11]
        let x = y.indices.map(Double.init)
        let fit = try #require(ConfidenceIntervals.slope(x: x, y: y))
        let mx = x.reduce(0, +) / 8, my = y.reduce(0, +) / 8
        let sxx = x.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        let b = zip(x, y).map { ($0 - mx) * ($1 - my) }.reduce(0, +) / sxx
        let sse = zip(x, y).map { pow($1 - (my + b * ($0 - mx)), 2) }.reduce(0, +)
        let half = 2.446911848791681 * (sse / 6 / sxx).squareRoot()  // scipy.stats.t.ppf(0.975, 6)
        #expect(abs(fit.fit.slope - b) < 1e-12 && abs(fit.low - (b - half)) < 1e-9 && abs(fit.high - (b + half)) < 1e-9)
        #expect(ConfidenceIntervals.slope(x: [0, 1], y: [1, 2]) == nil)
    }

    @Test func ageBandsAndPeriods() throws {
        #expect([0, 29, 30, 49, 50, 69, 70, 120].map { AgeBand(age: $0)?.rawValue } == ["0-29", "0-29", "30-49", "30-49", "50-69",
                                                                                       "50-69", "70+", "70+"])
        #expect(AgeBand(age: -1) == nil && AgeBand(age: 121) == nil)
        let period = StudyPeriod(from: Day(year: 2021, month: 2, day: 15)!, to: Day(year: 2021, month: 7, day: 1)!)
        #expect(period.months.map(\.partial) == [true, false, false, false, false, true])
        #expect(period.quarters.map(\.label) == ["2021-Q1", "2021-Q2", "2021-Q3"])
        #expect(period.quarters.map(\.whole) == [false, true, false])
    }

    /// Every figure of a small history counted by hand; a free-text subcategory is never a label.
    @Test func countsOfASmallHistory() {
        func day(_ d: Int) -> Day { Day(year: 2022, month: 3, day: d)! }
        var requests: [HelpRequest] = []
        for k in 0..<25 {
            requests.append(HelpRequest(id: "r\(k)", createdAt: day(1 + k), kind: .hulpvraag, category: k < 20 ? .praktisch : .sociaal,
                                        subcategory: k < 21 ? "boodschappen" : "mevrouw de Vries wil graag hulp", requesterPostcode: nil,
                                        location: "L", status: k % 5 == 0 ? .geen_match : .match, closedAt: day(1 + k + k % 3),
                                        helperID: "h\(k % 2)", requesterGender: k % 2 == 0 ? .vrouw : nil))
        }
        requests.append(HelpRequest(id: "i", createdAt: day(3), kind: .informatievraag, category: nil, requesterPostcode: nil,
                                    location: "L", status: .afgehandeld))
        let helpers = [Helper(id: "h0", postcode: nil, categories: [.praktisch], location: "L", activeFrom: day(1), church: "Kerk"),
                       Helper(id: "h1", postcode: nil, categories: [.praktisch], location: "L", activeFrom: day(1))]
        let period = StudyPeriod(from: day(1), to: day(31), minCases: 20)
        let r = Study.compute(requests, helpers: helpers, period: period, rule: .standard)
        #expect(r.summary == Study.Summary(questions: 26, infoRequests: 1, helpRequests: 25, referred: 0))
        #expect(r.outcomes[0].matched == 20 && r.outcomes[0].notMatched == 5)
        #expect(r.outcomes.filter { $0.grouping == "subcategory" }.map(\.group) == ["boodschappen", "overig"])
        #expect(r.breakdowns.filter { $0.dimension == "requester_gender" }.map(\.count) == [12, 13])  // unknown, vrouw
        let kerk = r.churches.first { $0.category == "all" }
        // h0 answered the matched requests with an even k: 0…24 even, not a multiple of 5 → 10.
        #expect(kerk?.church == "Kerk" && kerk?.answered == 10 && kerk?.volunteers == 1)
    }
}
