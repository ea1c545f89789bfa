import Atlas
import Testing

@Suite struct DayTests {
    @Test(arguments: [("2023-05-01", "2023-05-01"), ("01-05-2023", "2023-05-01"), ("1-5-2023", "2023-05-01"),
                      ("01/05/2023", "2023-05-01"), ("2023/05/01", "2023-05-01"), ("29-02-2024", "2024-02-29"),
                      ("2023-05-01 14:30", "2023-05-01"), ("2023-05-01T14:30:00", "2023-05-01")])
    func parses(raw: String, iso: String) throws {
        #expect(try Day(parsing: raw).description == iso)
    }

    @Test(arguments: ["31-02-2023", "29-02-2023", "2023-00-10", "2023-04-31", "32-01-2023"])
    func impossibleDates(raw: String) {
        #expect(throws: Day.ParseError.impossible(raw)) { try Day(parsing: raw) }
    }

    @Test(arguments: ["", "2023", "05-2023", "2023-5", "01-05-23", "morgen", "2023-05-01-02"])
    func malformedDates(raw: String) {
        #expect(throws: Day.ParseError.self) { try Day(parsing: raw) }
    }

    @Test func arithmeticAndLabels() throws {
        let a = try Day(parsing: "2023-12-30"), b = try Day(parsing: "2024-01-02")
        #expect(b - a == 3)
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(a.quarterLabel == "2023-Q4" && b.monthLabel == "2024-01")
        let q = Day.quarterBounds(2024 * 4 + 0)
        #expect(q.first.description == "2024-01-01" && q.last.description == "2024-03-31")
    }
}

@Suite struct StatsTests {
    /// Type 7 quantiles, as numpy.quantile([1, 2, 3, 4, 10], p) gives them.
    @Test func quantilesInterpolateLinearly() {
        let x = [1.0, 2, 3, 4, 10]
        #expect(Stats.quantile(sorted: x, 0.5) == 3)
        #expect(Stats.quantile(sorted: x, 0.75) == 4)
        #expect(abs(Stats.quantile(sorted: x, 0.9)! - 7.6) < 1e-12)
        #expect(Stats.quantile(sorted: [5], 0.9) == 5)
        #expect(Stats.quantile(sorted: [], 0.5) == nil)
        #expect(Stats.median([4, 1, 3, 2]) == 2.5)
    }

    @Test func leastSquaresLine() throws {
        let fit = try #require(Stats.linearFit(x: [0, 1, 2, 3], y: [1, 3, 5, 7]))
        #expect(fit.slope == 2 && fit.intercept == 1 && fit.rSquared == 1)
        let noisy = try #require(Stats.linearFit(x: [0, 1, 2, 3], y: [2, 1, 4, 3]))
        #expect(abs(noisy.slope - 0.6) < 1e-12 && abs(noisy.intercept - 1.6) < 1e-12)  // numpy.polyfit
        #expect(Stats.linearFit(x: [1], y: [1]) == nil)
    }

    @Test func suppressionProtectsSumsAgainstTheTotal() {
        let s = Suppression(threshold: 5)
        #expect(s.protect([10, 20, 30]) == [false, false, false])
        // 4 alone would be total − 30 − 10: the next smallest is hidden too.
        #expect(s.protect([4, 30, 10]) == [true, false, true])
        // 3 + 2 = 5 reaches the threshold: nothing more to hide.
        #expect(s.protect([3, 2, 40]) == [true, true, false])
        // Zeros reveal nothing and are not hidden.
        #expect(s.protect([1, 0, 9]) == [true, false, true])
        #expect(s.hides(0) == false && s.hides(4) && !s.hides(5))
    }
}

@Suite struct MatchAnalysisTests {
    static func d(_ s: String) -> Day { try! Day(parsing: s) }
    static func request(_ id: String, _ created: String, kind: RequestKind = .hulpvraag, _ category: Category? = .praktisch,
                        from: String? = "1000AA", to: String? = nil, status: RequestStatus = .match,
                        closed: String? = nil, location: String = "L", organisation: String? = nil) -> HelpRequest {
        HelpRequest(id: id, createdAt: d(created), kind: kind, category: category,
                    requesterPostcode: from.map { try! Postcode(parsing: $0) }, location: location, status: status,
                    closedAt: closed.map { d($0) }, helperPostcode: to.map { try! Postcode(parsing: $0) }, organisation: organisation)
    }
    // Areas on a line: 1000 at x = 0, 1001 at 800 m, 1002 at 2,500 m, 1003 at 12 km.
    static let locator = Locator(pc6Points: [:], pc4Points: ["1000": (0, 0), "1001": (800, 0), "1002": (0, 2500),
                                                              "1003": (12_000, 0)])

    @Test func distancesKnownAnswers() throws {
        let requests = [
            Self.request("a", "2023-01-05", to: "1000BB"),                       // same area: 0 m
            Self.request("b", "2023-01-06", to: "1001AA"),                       // 800 m
            Self.request("c", "2023-04-01", .sociaal, to: "1002"),               // 2,500 m
            Self.request("d", "2023-04-02", to: "1003AA", status: .doorverwezen), // 12,000 m (matched by the rule)
            Self.request("e", "2023-04-03", to: "9999AA"),                       // volunteer not located
            Self.request("f", "2023-04-04"),                                     // matched without volunteer
            Self.request("g", "2023-04-05", to: "1001", status: .geen_match),    // not matched: no distance
        ]
        let r = DistanceAnalysis.compute(requests, locator: Self.locator, rule: .standard)
        #expect(r.notLocated == 1 && r.withoutVolunteer == 1)
        let all = try #require(r.summaries.first)
        #expect(all.matches == 4 && all.sameArea == 1)
        #expect(all.median == 1650)                      // (800 + 2500) / 2
        #expect(all.p75 == 2500 + 0.25 * (12_000 - 2500))
        #expect(all.within1km == 0.5 && all.within3km == 0.75 && all.within5km == 0.75)
        // Bins hold (start, end]: 2,500 m is in 2,000–2,500 (bin 4), so that "within 3 km" is the first six bins.
        #expect(all.histogram[0] == 1 && all.histogram[1] == 1 && all.histogram[4] == 1 && all.histogram[20] == 1)
        #expect(DistanceAnalysis.bin(of: 3000) == 5 && DistanceAnalysis.bin(of: 3000.01) == 6 && DistanceAnalysis.bin(of: 0) == 0)
        let quarters = r.summaries.filter { $0.grouping == "quarter" }.map { "\($0.group):\($0.matches)" }
        #expect(quarters == ["2023-Q1:2", "2023-Q2:2"])
        let categories = r.summaries.filter { $0.grouping == "category" }.map { "\($0.group):\($0.matches)" }
        #expect(categories == ["praktisch:3", "sociaal:1"])
    }

    @Test func pc6PointsAreUsedWhenLoaded() {
        let locator = Locator(pc6Points: ["1000AA": (5, 5)], pc4Points: ["1000": (0, 0)])
        let exact = locator.place(try? Postcode(parsing: "1000AA")), fallback = locator.place(try? Postcode(parsing: "1000AB"))
        #expect(exact?.area == "1000AA" && exact?.x == 5)
        #expect(fallback?.area == "1000" && fallback?.x == 0)
        #expect(locator.place(nil) == nil)
    }

    @Test func supplyDemandKnownAnswers() throws {
        let requests = [
            Self.request("a", "2023-01-05", status: .match, closed: "2023-01-09"),        // 4 days
            Self.request("b", "2023-02-05", status: .doorverwezen, closed: "2023-02-07"), // 2 days
            Self.request("c", "2023-03-05", status: .geen_match),
            Self.request("d", "2023-03-06", status: .in_behandeling),
            Self.request("e", "2023-07-01", .vervoer, status: .match),                    // Q3; Q2 is empty
            Self.request("i", "2023-01-10", kind: .informatievraag, nil, status: .doorverwezen),
        ]
        let helpers = [
            Helper(id: "h1", postcode: nil, categories: [.praktisch], location: "L", activeFrom: Self.d("2022-01-01")),
            Helper(id: "h2", postcode: nil, categories: [.praktisch, .vervoer], location: "L",
                   activeFrom: Self.d("2023-01-01"), activeUntil: Self.d("2023-04-01")),
            Helper(id: "h3", postcode: nil, categories: [.praktisch], location: "Elders", activeFrom: Self.d("2020-01-01")),
        ]
        let rows = SupplyDemand.compute(requests, helpers: helpers, rule: .standard)
        #expect(rows.count == 2 * 3 * 3)  // L and all: Q1, Q2, Q3 × three categories
        let all = rows.filter { $0.location == SupplyDemand.all }
        #expect(all.first { $0.quarter == "2023-Q1" && $0.category == .praktisch }?.activeHelpers == 3, "every volunteer")
        let q1 = try #require(rows.first { $0.quarter == "2023-Q1" && $0.category == .praktisch })
        #expect(q1.requests == 4 && q1.matched == 2 && q1.notMatched == 1 && q1.open == 1)
        #expect(q1.matchRate == 2.0 / 3.0)
        #expect(q1.activeHelpers == 2 && q1.helpersPerRequest == 0.5)
        #expect(q1.medianDaysToMatch == 3 && q1.daysToMatchCount == 2)
        let q2 = try #require(rows.first { $0.quarter == "2023-Q2" && $0.category == .praktisch })
        #expect(q2.requests == 0 && q2.matchRate == nil && q2.activeHelpers == 2, "h2 is active on 1 April")
        let q3 = try #require(rows.first { $0.quarter == "2023-Q3" && $0.category == .vervoer })
        #expect(q3.requests == 1 && q3.activeHelpers == 0)
    }

    @Test func monthlySeriesFillsEmptyMonthsAndFitsTheTrend() throws {
        let requests = [
            Self.request("a", "2023-01-05"), Self.request("b", "2023-03-01", status: .geen_match),
            Self.request("c", "2023-03-02", kind: .informatievraag, nil, status: .doorverwezen),
            Self.request("d", "2023-03-03", status: .in_behandeling),
        ]
        let (rows, trends) = MonthlySeries.compute(requests, rule: .standard)
        #expect(rows.map(\.month) == ["2023-01", "2023-02", "2023-03", "2023-01", "2023-02", "2023-03"], "the location, then all")
        #expect(rows.map(\.total) == [1, 0, 3, 1, 0, 3])
        let quarters = MonthlySeries.quarters(rows)
        #expect(quarters.map(\.location) == [rows[0].location, "all"])
        #expect(quarters[0].helpRequests == 3 && quarters[0].infoRequests == 1 && quarters[0].matched == 1
                && quarters[0].notMatched == 1 && quarters[0].open == 1 && quarters[0].matchRate == 0.5)
        #expect(rows[2].helpRequests == 2 && rows[2].infoRequests == 1 && rows[2].notMatched == 1 && rows[2].open == 1)
        let fit = try #require(trends.first?.fit)
        #expect(fit.slope == 1 && abs(fit.intercept - 1.0 / 3.0) < 1e-12)  // y = 1, 0, 3
    }

    @Test func breakdownSharesAddUpPerDimension() {
        let requests = [
            Self.request("a", "2022-05-01", status: .match, organisation: "X"),
            Self.request("b", "2023-05-01", .sociaal, status: .match),
            Self.request("c", "2023-06-01", .sociaal, status: .afgewezen),
            Self.request("i", "2023-06-02", kind: .informatievraag, nil, status: .doorverwezen),
        ]
        let rows = Breakdowns.compute(requests, rule: .standard)
        let all = rows.filter { $0.location == "all" && $0.period == "all" }
        let categories = all.filter { $0.dimension == "category" }.map { "\($0.value)=\($0.count)/\($0.total)" }
        #expect(categories == ["praktisch=1/3", "sociaal=2/3"])
        let orgs = all.filter { $0.dimension == "organisation" }.map { "\($0.value)=\($0.count)/\($0.total)" }
        #expect(orgs == ["X=1/2", "unknown=1/2"])
        for dimension in ["kind", "category", "outcome", "requester_type"] {
            let shares = all.filter { $0.dimension == dimension }.map(\.share).reduce(0, +)
            #expect(abs(shares - 1) < 1e-12, "\(dimension)")
        }
        #expect(rows.contains { $0.location == "L" && $0.period == "2022" && $0.dimension == "kind" && $0.count == 1 })
    }
}
