import Atlas
import Testing

@Suite struct RiskIndexTests {
    /// The construction's mechanics (shrinkage, codes, not-ranked rules) on four count-based
    /// components and three optional ones, whatever the fitted defaults are.
    static let counts = RiskIndexDefinition(name: .debt, components: [
        RiskIndexDefinition.Component.benefits.weighted(1), RiskIndexDefinition.Component.singleParents.weighted(1),
        RiskIndexDefinition.Component.corporationRented.weighted(1), RiskIndexDefinition.Component.singlePersons.weighted(1),
        RiskIndexDefinition.Component.medianIncome.weighted(1), RiskIndexDefinition.Component.woz.weighted(0),
        RiskIndexDefinition.Component.youngAdults.weighted(0),
    ])
    /// Loneliness with the age components weighted, to test the 75+/65+ stand-in.
    static let ages = RiskIndexDefinition(name: .loneliness, components: [
        RiskIndexDefinition.Component.aged75.weighted(1.5), RiskIndexDefinition.Component.aged65.weighted(1.5),
        RiskIndexDefinition.Component.singlePersons.weighted(2), RiskIndexDefinition.Component.householdSize.weighted(1),
    ])
    /// An ordinary area: 1,000 inhabitants, 400 households, rates varied a little by `i`.
    static func area(_ code: String, _ i: Int, population: Double = 1000, overrides: [String: CBSValue] = [:]) -> AreaRecord {
        var v: [String: CBSValue] = [
            "aantal_inwoners": .number(population), "aantal_part_huishoudens": .number(population * 0.4),
            "aantal_inwoners_15_tot_25_jaar": .number(population * (0.10 + Double(i % 5) * 0.002)),
            "aantal_inwoners_25_tot_45_jaar": .number(population * 0.25),
            "aantal_inwoners_45_tot_65_jaar": .number(population * 0.28),
            "aantal_inwoners_65_jaar_en_ouder": .number(population * (0.18 + Double(i % 7) * 0.005)),
            "aantal_personen_met_uitkering_onder_aowlft": .number(population * (0.05 + Double(i % 6) * 0.002)),
            "aantal_eenouderhuishoudens": .number(population * 0.4 * (0.06 + Double(i % 4) * 0.003)),
            "aantal_eenpersoonshuishoudens": .number(population * 0.4 * (0.35 + Double(i % 3) * 0.01)),
            "aantal_huurwoningen_in_bezit_woningcorporaties": .number(population * 0.4 * (0.25 + Double(i % 8) * 0.01)),
            "aantal_woningen": .number(population * 0.4), "gemiddelde_woz_waarde_woning": .number(250 + Double(i % 9) * 5),
            "gemiddelde_huishoudensgrootte": .number(2.3 - Double(i % 5) * 0.02),
        ]
        for (k, value) in overrides { v[k] = value }
        return AreaRecord(code: code, level: .pc4, year: 2020, municipality: nil, areaM2: 1, pointX: 0, pointY: 0, values: v)
    }

    static func set(_ extra: [AreaRecord] = []) -> [AreaRecord] {
        (0..<40).map { area(String(2000 + $0), $0) } + extra
    }

    @Test func anAreaWithPlantedHighRatesRanksAtTheTop() throws {
        let planted = Self.area("9999", 0, overrides: [
            "aantal_personen_met_uitkering_onder_aowlft": .number(250), "aantal_eenouderhuishoudens": .number(80),
            "aantal_huurwoningen_in_bezit_woningcorporaties": .number(350), "gemiddelde_woz_waarde_woning": .number(120),
            "aantal_inwoners_15_tot_25_jaar": .number(200), "aantal_eenpersoonshuishoudens": .number(300),
        ])
        let r = RiskIndex.compute(Self.set([planted]), definition: Self.counts)
        let top = try #require(r.scores.max { ($0.percentile ?? -1) < ($1.percentile ?? -1) })
        #expect(top.code == "9999" && top.decile == 10)
        #expect(r.notComputable.map(\.component) == ["median_household_income"])
    }

    @Test func aTinyAreaWithExtremeRatesIsNotRanked() {
        let tiny = Self.area("9998", 0, population: 12, overrides: [
            "aantal_personen_met_uitkering_onder_aowlft": .number(10), "aantal_eenouderhuishoudens": .number(5),
        ])
        let r = RiskIndex.compute(Self.set([tiny]), definition: Self.counts)
        let s = r.scores.first { $0.code == "9998" }!
        #expect(!s.ranked && s.notRankedReason == .tooFewInhabitants(minimum: 50) && s.percentile == nil)
        #expect(r.scores.filter(\.ranked).count == 40)
    }

    @Test func aSecretValueNeverEntersARate() {
        let secret = Self.area("9997", 0, overrides: ["aantal_personen_met_uitkering_onder_aowlft": .special(code: -99997)])
        let r = RiskIndex.compute(Self.set([secret]), definition: Self.counts)
        let s = r.scores.first { $0.code == "9997" }!
        #expect(s.ranked && s.missingComponents == ["benefits_per_inhabitant_15_65"], "scored on the rest, flagged")
        #expect(s.components["benefits_per_inhabitant_15_65"] == nil)
        // Had -99997 entered the rate, the area would sit at the very bottom of that component.
        #expect(r.scores.allSatisfy { ($0.components["benefits_per_inhabitant_15_65"]?.value ?? 0) >= 0 })
    }

    @Test func missingMoreThanHalfTheComponentsIsNotRanked() {
        let sparse = Self.area("9996", 0, overrides: [
            "aantal_personen_met_uitkering_onder_aowlft": .special(code: -99997),
            "aantal_eenouderhuishoudens": .special(code: -99997),
            "aantal_huurwoningen_in_bezit_woningcorporaties": .special(code: -99997),
        ])
        let s = RiskIndex.compute(Self.set([sparse]), definition: Self.counts).scores.first { $0.code == "9996" }!
        #expect(s.notRankedReason == .missingComponents(missing: 3, of: 4))
    }

    @Test func weightsCanBeChangedAndZeroWeightComponentsAreLeftOut() throws {
        let tuned = try Self.counts.withWeights(["mean_woz_value": 2, "single_person_households": 0])
        let r = RiskIndex.compute(Self.set(), definition: tuned)
        #expect(r.used.map(\.name).contains("mean_woz_value"))
        #expect(!r.used.map(\.name).contains("single_person_households"))
        #expect(throws: RiskIndexDefinition.UnknownComponent.self) { try Self.counts.withWeights(["woz": 1]) }
    }

    @Test func resultsDoNotDependOnRowOrder() {
        let forward = RiskIndex.compute(Self.set(), definition: Self.ages).scores
        let backward = RiskIndex.compute(Self.set().reversed(), definition: Self.ages).scores
        #expect(forward == backward)
    }

    /// Shrinkage: the same raw rate counts for less in a small area than in a large one.
    @Test func smallAreasAreShrunkTowardsThePooledRate() throws {
        let small = Self.area("9995", 0, population: 60, overrides: ["aantal_personen_met_uitkering_onder_aowlft": .number(30)])
        let large = Self.area("9994", 0, population: 6000, overrides: ["aantal_personen_met_uitkering_onder_aowlft": .number(3000)])
        let r = RiskIndex.compute(Self.set([small, large]), definition: Self.counts)
        let s = try #require(r.scores.first { $0.code == "9995" }?.components["benefits_per_inhabitant_15_65"])
        let l = try #require(r.scores.first { $0.code == "9994" }?.components["benefits_per_inhabitant_15_65"])
        #expect(s.value < l.value && s.percentile < l.percentile)
    }

    @Test func seventyFivePlusIsUsedWhenFiveYearBandsExistElseSixtyFivePlus() {
        let bands = ["inwoners_75_tot_79": 40.0, "inwoners_80_tot_84": 30, "inwoners_85_tot_89": 20,
                     "inwoners_90_tot_94": 8, "inwoners_95_plus": 2]
        let withBands = Self.set().enumerated().map { i, a -> AreaRecord in
            var a = a
            for (k, v) in bands { a.values[k] = .number(v + Double(i)) }
            return a
        }
        let r = RiskIndex.compute(withBands, definition: Self.ages)
        #expect(r.used.map(\.name).contains("aged_75_plus") && !r.used.map(\.name).contains("aged_65_plus"))
        let wide = RiskIndex.compute(Self.set(), definition: Self.ages)
        #expect(wide.used.map(\.name).contains("aged_65_plus"))
        #expect(wide.notComputable.map(\.component) == ["aged_75_plus"])
    }

    /// Population and age bands only (as in nl-pc4): the index says what it cannot compute.
    @Test func dataWithoutMostColumnsSaysWhatItCannotCompute() {
        let thin = (0..<10).map { i in
            AreaRecord(code: String(3000 + i), level: .pc4, year: 2021, municipality: nil, areaM2: 1, pointX: 0, pointY: 0,
                       values: ["inwoners": .number(1000 + Double(i)), "inwoners_15_tot_19": .number(50)])
        }
        let r = RiskIndex.compute(thin, definition: Self.counts)
        #expect(r.used.isEmpty && r.notComputable.count == 5, "the five weighted components")
        #expect(r.scores.allSatisfy { $0.notRankedReason == .noComputableComponent })
    }

    @Test func midRankPercentilesShareTies() {
        #expect(RiskIndex.midRankPercentiles([10, 20, 20, 40]) == [12.5, 50, 50, 87.5])
        #expect(RiskIndex.midRankPercentiles([]) == [])
    }
}

/// The reasons are stored and published as English text and read back as the same value.
@Suite struct NotRankedReasonTests {
    @Test func everyReasonSurvivesItsStoredText() {
        let reasons: [NotRankedReason] = [.noComputableComponent, .populationUnknown, .tooFewInhabitants(minimum: 50),
                                          .missingComponents(missing: 3, of: 4)]
        for reason in reasons { #expect(NotRankedReason(stored: reason.description) == reason) }
        #expect(reasons.map(\.description) == ["no component can be computed from the data", "population unknown (secret or missing)",
                                               "fewer than 50 inhabitants", "missing 3 of 4 components"])
        // Text another version wrote is kept as it was, never taken for a ranked area.
        #expect(NotRankedReason(stored: "fewer than many inhabitants") == .other("fewer than many inhabitants"))
    }
}
