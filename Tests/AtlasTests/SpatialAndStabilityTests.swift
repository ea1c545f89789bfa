import Atlas
import Testing

@Suite struct SpatialAutocorrelationTests {
    /// Queen neighbours on a 4 × 4 grid (cell r·4 + c).
    static let grid: [[Int]] = (0..<16).map { cell in
        let r = cell / 4, c = cell % 4
        var out: [Int] = []
        for dr in -1...1 { for dc in -1...1 where (dr, dc) != (0, 0) {
            let rr = r + dr, cc = c + dc
            if (0..<4).contains(rr), (0..<4).contains(cc) { out.append(rr * 4 + cc) }
        } }
        return out
    }

    /// Reference values from numpy with the same row-standardised queen weights
    /// (n/S0 · zᵀWz / zᵀz): checkerboard −0.183333…, gradient r + c 0.62.
    @Test func checkerboardIsNegativeAndGradientPositive() {
        let checkerboard = (0..<16).map { Double(($0 / 4 + $0 % 4) % 2) }
        let gradient = (0..<16).map { Double($0 / 4 + $0 % 4) }
        let cb = SpatialAutocorrelation.moransI(checkerboard, neighbours: Self.grid, permutations: 199)
        let gr = SpatialAutocorrelation.moransI(gradient, neighbours: Self.grid, permutations: 199)
        #expect(abs(cb.i - (-0.18333333333333335)) < 1e-12)
        #expect(abs(gr.i - 0.62) < 1e-12)
        #expect(gr.pValue < 0.05, "a gradient is clustered beyond chance")
        #expect(cb.expected == -1.0 / 15)
    }

    @Test func localMoranFindsTheHighAndLowCorners() {
        let gradient = (0..<16).map { Double($0 / 4 + $0 % 4) }
        let local = SpatialAutocorrelation.local(gradient, neighbours: Self.grid, permutations: 499)
        #expect(abs(local[0].i - 2.0) < 1e-12)  // numpy: z₀/m₂ · (Wz)₀ = 2
        #expect(local[0].cluster == .lowLow && local[15].cluster == .highHigh)
        let isolated = SpatialAutocorrelation.local([1, 2, 3], neighbours: [[], [2], [1]], permutations: 9)
        #expect(isolated[0].cluster == .noNeighbours)
    }

    @Test func permutationsAreReproducible() {
        let v = (0..<16).map { Double(($0 * 7) % 5) }
        #expect(SpatialAutocorrelation.moransI(v, neighbours: Self.grid) == SpatialAutocorrelation.moransI(v, neighbours: Self.grid))
    }
}

@Suite struct IndexStabilityTests {
    @Test func stabilityIsReproducibleAndBracketsTheDefault() throws {
        let areas = RiskIndexTests.set()
        let prepared = RiskIndex.Prepared(areas, definition: .debt, settings: RiskIndexSettings())
        let a = IndexStability.compute(prepared), b = IndexStability.compute(prepared)
        #expect(a.byCode == b.byCode)
        #expect(a.alternatives.count == 4 && a.alternatives.allSatisfy { $0.name.hasPrefix("without ") })
        let base = RiskIndex.result(prepared, definition: .debt).scores
        for s in base where s.percentile != nil {
            let st = try #require(a.byCode[s.code])
            #expect(st.p5 <= st.p95 && (0...1).contains(st.topDecileShare))
        }
        #expect((a.perturbationSpearmanMin ?? 0) > 0.5)
    }

    @Test func spearmanOfKnownOrders() {
        #expect(IndexStability.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == 1)
        #expect(IndexStability.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == -1)
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) = 0.8
        #expect(abs(IndexStability.spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]) - 0.8) < 1e-12)
    }
}

@Suite struct ReachTests {
    @Test func requestsPerThousandHouseholdsAndUnderReached() {
        func area(_ code: String, households: Double) -> AreaRecord {
            AreaRecord(code: code, level: .pc4, year: 2020, municipality: nil, areaM2: 1, pointX: 0, pointY: 0,
                       values: ["aantal_part_huishoudens": .number(households)])
        }
        let areas = [area("1000", households: 1000), area("1001", households: 500), area("1002", households: 2000),
                     area("1003", households: 1000)]
        let d = try! Day(parsing: "2023-01-01")
        var made = 0
        func req(_ pc: String, kind: RequestKind = .hulpvraag) -> HelpRequest {
            made += 1
            return HelpRequest(id: "T\(made)", createdAt: d, kind: kind, category: .praktisch,
                        requesterPostcode: try? Postcode(parsing: pc), location: "L", status: .match)
        }
        let requests = (0..<10).map { _ in req("1000AB") } + (0..<2).map { _ in req("1001") }
            + [req("1002", kind: .informatievraag), req("9999")]
        let reach = Reach.compute(requests, areas: areas)
        #expect(reach["1000"] == Reach.AreaReach(requests: 10, perThousandHouseholds: 10))
        #expect(reach["1001"]?.perThousandHouseholds == 4)
        #expect(reach["1002"]?.requests == 0, "information questions do not count")
        // Reach 10, 4, 0, 0 → median 2: 1002 and 1003 are below it; only 1002 is high-risk.
        let under = Reach.underReached(percentiles: ["1000": 95, "1001": 85, "1002": 90, "1003": 10], reach: reach)
        #expect(under == ["1002"])
    }

    @Test func underReachIsMeasuredWithinTheOrganisationsRegion() {
        // A national set: 90 areas elsewhere without requests make the median 0, so no area is
        // below it. Within the region (the municipalities of its requesters and volunteers) the
        // median is that of the region's areas, and only they can be under-reached.
        let d = try! Day(parsing: "2023-01-01")
        func area(_ code: String, _ municipality: String) -> AreaRecord {
            AreaRecord(code: code, level: .pc4, year: 2020, municipality: municipality, areaM2: 1, pointX: 0, pointY: 0,
                       values: ["aantal_part_huishoudens": .number(1000)])
        }
        let areas = (0..<90).map { area(String(2000 + $0), "Elders") } + ["3311", "3312", "3313", "3314"].map { area($0, "Dordrecht") }
        let requests = [("3311", 9), ("3312", 5), ("3313", 1)].flatMap { pc, n in
            (0..<n).map { i in HelpRequest(id: "\(pc)-\(i)", createdAt: d, kind: .hulpvraag, category: .praktisch,
                                           requesterPostcode: try? Postcode(parsing: pc), location: "L", status: .match) }
        }
        let helper = Helper(id: "H1", postcode: try? Postcode(parsing: "3314"), categories: [.praktisch], location: "L", activeFrom: d)
        let reach = Reach.compute(requests, areas: areas)
        var percentiles = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, 50.0) })
        for code in ["2001", "2002", "3313", "3314"] { percentiles[code] = 90 }
        #expect(Reach.underReached(percentiles: percentiles, reach: reach).isEmpty)
        let region = ServiceRegion.areas(requests: requests, helpers: [helper], areas: areas)
        #expect(region.map(\.code) == ["3311", "3312", "3313", "3314"])
        // Region reach 9, 5, 1, 0 → median 3: 3313 and 3314 are below it and high-risk.
        #expect(Reach.underReached(percentiles: percentiles, reach: reach, region: Set(region.map(\.code))) == ["3313", "3314"])
        // Without a match history the region is every area.
        #expect(ServiceRegion.areas(requests: [], helpers: [], areas: areas).count == areas.count)
    }
}
