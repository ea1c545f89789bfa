import Atlas
import Reports
import Testing

/// A location's trend is two more sums of its monthly totals (with two months the line passes
/// through both): it is published only where none of those totals is hidden.
@Suite struct TrendProtectionTests {
    static func requests(_ counts: [(location: String, month: Int, n: Int)]) -> [HelpRequest] {
        var out: [HelpRequest] = []
        for (location, month, n) in counts {
            for _ in 0..<n {
                out.append(HelpRequest(id: "R\(out.count)", createdAt: Day(year: 2023, month: month, day: 3)!, kind: .hulpvraag,
                                       category: .praktisch, requesterPostcode: nil, requesterType: .bewoner, location: location,
                                       status: .match, closedAt: nil, helperID: nil, helperPostcode: nil, organisation: nil))
            }
        }
        return out
    }

    @Test func aLocationWithAHiddenMonthHasNoTrend() {
        // Two months, one of them 3: the line through (0, 3) and (1, 9) would give the 3 back.
        let series = MonthlySeries.compute(Self.requests([("Klein", 1, 3), ("Klein", 2, 9), ("Groot", 1, 12), ("Groot", 2, 15)]),
                                           rule: .standard)
        let five = Suppression(threshold: 5)
        let protected = MonthlyTable.protected(series.rows, suppression: five)
        #expect(protected.withheldTrends.contains("Klein") && !protected.withheldTrends.contains("Groot"))
        let trend = MonthlyTable.Column.trend_total.position
        for (row, raw) in zip(protected.rows, series.rows) {
            if raw.location == "Klein" {
                #expect(row[trend].isEmpty && row.last == "1", "\(row)")
            } else if raw.location == "Groot" {
                #expect(!row[trend].isEmpty, "\(row)")
            }
        }
        let fits = MonthlyTable.trendRows(series.trends, withheld: protected.withheldTrends)
        #expect(fits.first { $0[0] == "Klein" }.map { $0[4...6].allSatisfy(\.isEmpty) && $0[7] == "1" } == true)
        #expect(fits.first { $0[0] == "Groot" }?[4].isEmpty == false)
        // Negative control: without the rule the fit gives the hidden count back exactly.
        let klein = series.trends.first { $0.location == "Klein" }?.fit
        #expect(klein.map { abs($0.value(at: 0) - 3) < 1e-9 } == true)
    }
}

/// On a report page a withheld trend is neither drawn nor described, and the page says why.
@Suite struct TrendOnThePageTests {
    static func page(extraOctober: Int) throws -> String {
        var data = try ReportScenario().data()
        for k in 0..<extraOctober {
            data.requests.append(HelpRequest(id: "O\(k)", createdAt: ReportScenario.day("2023-10-0\(k + 1)"), kind: .hulpvraag,
                                             category: .praktisch, requesterPostcode: ReportScenario.pc("3311AB"),
                                             requesterType: .bewoner, location: "HipHelpt Test", status: .geen_match,
                                             closedAt: nil, helperID: nil, helperPostcode: nil, organisation: nil))
        }
        // The page reads its counts from the tables, so they are made again from the requests.
        data.tables = MatchTables(MatchHistoryReport.tables(requests: data.requests, helpers: data.helpers, locator: data.locator,
                                                            rule: data.rule, suppression: data.suppression).tables)
        let report = QuarterReport(location: .named("HipHelpt Test"), quarter: Quarter(label: "2023-Q4")!)
        return report.render(data, fileName: "report.html").html
    }

    @Test func aHiddenMonthTakesTheTrendLineOffThePage() throws {
        let hidden = try Self.page(extraOctober: 2)   // October: 2 requests, hidden
        #expect(!hidden.contains("class=\"trend\"") && hidden.contains("Geen trendlijn"))
        #expect(!hidden.contains("Trendlijn (kleinste kwadraten)"))
        // Negative control: with October at 6 the month is shown and so is the line.
        let shown = try Self.page(extraOctober: 6)
        #expect(shown.contains("class=\"trend\"") && shown.contains("Trendlijn (kleinste kwadraten)") && !shown.contains("Geen trendlijn"))
    }
}
