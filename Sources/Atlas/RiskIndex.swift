/// One ingredient of a risk index: a rate (numerator over denominator, shrunk towards the
/// comparison set's pooled rate) or a level (used as it is), and its direction.
public struct RiskComponent: Sendable, Equatable {
    public var name: String
    /// Columns whose sum is the numerator; each entry lists alternative CBS names.
    public var numerator: [[String]]
    /// Columns whose sum is the denominator; nil for a level such as the mean WOZ value.
    public var denominator: [[String]]?
    /// True when a higher value means more risk (false: a low WOZ value or income is the risk).
    public var higherIsRiskier: Bool
    public var weight: Double
    /// Used only when the named component cannot be computed (a wider age band standing in).
    public var standsInFor: String?

    public init(name: String, numerator: [[String]], denominator: [[String]]?, higherIsRiskier: Bool, weight: Double = 1,
                standsInFor: String? = nil) {
        self.name = name
        self.numerator = numerator
        self.denominator = denominator
        self.higherIsRiskier = higherIsRiskier
        self.weight = weight
        self.standsInFor = standsInFor
    }

    /// A copy with another weight.
    public func weighted(_ weight: Double) -> RiskComponent {
        var copy = self
        copy.weight = weight
        return copy
    }

    /// Whether an area set has the columns this component needs (any alternative of each part).
    public func isComputable(columns: Set<String>) -> Bool {
        (numerator + (denominator ?? [])).allSatisfy { alternatives in alternatives.contains(where: columns.contains) }
    }

    /// The columns that are missing from an area set, for the "cannot compute" message.
    public func missingColumns(columns: Set<String>) -> [String] {
        (numerator + (denominator ?? [])).filter { !$0.contains(where: columns.contains) }.map { $0.joined(separator: " or ") }
    }
}

/// A named index: its components with their default weights (docs/METHOD.md gives the evidence).
public struct RiskIndexDefinition: Sendable, Equatable {
    public var name: String
    /// Which fitted weighting ("adults", "65_plus"; "default" where an index has one).
    public var variant: String
    public var components: [RiskComponent]

    public init(name: String, variant: String = "default", components: [RiskComponent]) {
        self.name = name
        self.variant = variant
        self.components = components
    }

    /// Problematic-debt risk. Components from CBS, Schuldenproblematiek in beeld 2015–2018
    /// (ch. 4–5); weights fitted on RIVM's "moeite met rondkomen" 2020 (training half of the
    /// municipalities) by `docs/validation/fit_indices.py`, pinned by a test. Components at
    /// weight 0 are candidates the fit left out (configurable).
    public static let debt = RiskIndexDefinition(name: "debt", components: [
        Component.benefits.weighted(0),
        Component.singleParents.weighted(0.5),
        Component.corporationRented.weighted(0),
        Component.singlePersons.weighted(1),
        Component.singlePersonsShare.weighted(1),
        Component.medianIncome.weighted(0),
        Component.woz.weighted(0.5),
        Component.nonWestern.weighted(1),
        Component.outsideEurope.weighted(1),
        Component.outsideEuropePct.weighted(1),
        Component.rented.weighted(1),
        Component.youngAdults.weighted(0.5),
        Component.youngAdultsPct.weighted(0.5),
    ])

    /// A copy with some weights replaced (component name → weight); unknown names are an error.
    public func withWeights(_ weights: [String: Double]) throws(UnknownComponent) -> RiskIndexDefinition {
        var copy = self
        for (name, weight) in weights {
            guard let i = copy.components.firstIndex(where: { $0.name == name }) else {
                throw UnknownComponent(index: self.name, name: name, known: components.map(\.name))
            }
            copy.components[i].weight = weight
        }
        return copy
    }

    public struct UnknownComponent: Error, CustomStringConvertible, Equatable {
        public var index: String
        public var name: String
        public var known: [String]
        public var description: String {
            "the \(index) index has no component '\(name)' (known: \(known.joined(separator: ", ")))"
        }
    }

    /// Loneliness risk of adults (18+). Candidate components are RIVM/vzinfo's risk factors
    /// (living alone, low income, migration background, urbanity, age); weights fitted on RIVM's
    /// severely lonely adults 2020 (training half) by `docs/validation/fit_indices.py`.
    public static let loneliness = RiskIndexDefinition(name: "loneliness", variant: "adults",
                                                       components: lonelinessComponents(western: 1))

    /// Loneliness risk of people aged 65+, fitted on RIVM's severely lonely 65+ (same script):
    /// the same components, with more weight on the western migration background.
    public static let loneliness65Plus = RiskIndexDefinition(name: "loneliness", variant: "65_plus",
                                                             components: lonelinessComponents(western: 1.5))

    /// The loneliness candidates with the fitted weights; `western` is the one weight the two
    /// fits differ in. Stand-ins carry the weight of what they stand in for.
    static func lonelinessComponents(western: Double) -> [RiskComponent] {
        [
            Component.aged75.weighted(0),
            Component.aged65.weighted(0),
            Component.singlePersons.weighted(0),
            Component.benefits.weighted(0.5),
            Component.householdSize.weighted(0.5),
            Component.woz.weighted(0.5),
            Component.western.weighted(western),
            Component.europe.weighted(western),
            Component.europePct.weighted(western),
            Component.nonWestern.weighted(0),
            Component.addressDensity.weighted(1),
            Component.rented.weighted(0),
            Component.widowed.weighted(0),
            Component.aged65Pct.weighted(0),
        ]
    }

    /// RIVM's measured share itself, where the area set carries it (RIVM's table per wijk or buurt
    /// as a statistics input): a board targets on what was measured, not on a model of it.
    public static let lonelinessMeasured = RiskIndexDefinition(name: "loneliness", variant: "measured", components: [
        RiskComponent(name: "rivm_severely_lonely_18_plus", numerator: [["rivm_ernstig_eenzaam_pct_18plus"]], denominator: nil,
                      higherIsRiskier: true),
    ])
    public static let debtMeasured = RiskIndexDefinition(name: "debt", variant: "measured", components: [
        RiskComponent(name: "rivm_difficulty_making_ends_meet_18_plus", numerator: [["rivm_moeite_met_rondkomen_pct_18plus"]],
                      denominator: nil, higherIsRiskier: true),
    ])

    /// The definitions of one index, by variant (the first is the default).
    public static func variants(of name: String) -> [RiskIndexDefinition] {
        switch name {
        case "debt": return [.debt, .debtMeasured]
        case "loneliness": return [.loneliness, .loneliness65Plus, .lonelinessMeasured]
        default: return []
        }
    }

    /// The candidate components, with the CBS columns of every year and level that carry them.
    public enum Component {
        public static let age15to65 = [["aantal_inwoners_15_tot_25_jaar"], ["aantal_inwoners_25_tot_45_jaar"],
                                ["aantal_inwoners_45_tot_65_jaar"]]
        public static let population = [KnownColumns.population]
        public static let households = [KnownColumns.households]

        public static let benefits = RiskComponent(name: "benefits_per_inhabitant_15_65",
                                            numerator: [["aantal_personen_met_uitkering_onder_aowlft"]],
                                            denominator: age15to65, higherIsRiskier: true)
        public static let singleParents = RiskComponent(name: "single_parent_households", numerator: [["aantal_eenouderhuishoudens"]],
                                                 denominator: households, higherIsRiskier: true)
        public static let corporationRented = RiskComponent(name: "corporation_rented_dwellings",
                                                     numerator: [["aantal_huurwoningen_in_bezit_woningcorporaties"]],
                                                     denominator: [["aantal_woningen"]], higherIsRiskier: true)
        public static let singlePersons = RiskComponent(name: "single_person_households", numerator: [["aantal_eenpersoonshuishoudens"]],
                                                 denominator: households, higherIsRiskier: true)
        /// Wijk- en buurtkaart: the share as a percentage where the counts are not published.
        public static let singlePersonsShare = RiskComponent(name: "single_person_households_pct",
                                                      numerator: [["percentageEenpersoonshuishoudens"]], denominator: nil,
                                                      higherIsRiskier: true, standsInFor: "single_person_households")
        public static let medianIncome = RiskComponent(name: "median_household_income", numerator: [["mediaan_inkomen_huishouden"]],
                                                denominator: nil, higherIsRiskier: false)
        public static let woz = RiskComponent(name: "mean_woz_value", numerator: [["gemiddelde_woz_waarde_woning"]], denominator: nil,
                                       higherIsRiskier: false)
        public static let youngAdults = RiskComponent(name: "young_adults_15_25", numerator: [["aantal_inwoners_15_tot_25_jaar"]],
                                               denominator: population, higherIsRiskier: true)
        public static let aged75 = RiskComponent(name: "aged_75_plus",
                                          numerator: [["inwoners_75_tot_79"], ["inwoners_80_tot_84"], ["inwoners_85_tot_89"],
                                                      ["inwoners_90_tot_94"], ["inwoners_95_plus"]],
                                          denominator: population, higherIsRiskier: true)
        public static let aged65 = RiskComponent(name: "aged_65_plus", numerator: [["aantal_inwoners_65_jaar_en_ouder"]],
                                          denominator: population, higherIsRiskier: true, standsInFor: "aged_75_plus")
        public static let householdSize = RiskComponent(name: "mean_household_size",
                                                 numerator: [["gemiddelde_huishoudensgrootte", "gemiddeldeHuishoudsgrootte"]],
                                                 denominator: nil, higherIsRiskier: false)
        /// Western migration background (the classification up to 2021).
        public static let western = RiskComponent(name: "western_background", numerator: [["percentage_westerse_migr_achtergr"]],
                                           denominator: nil, higherIsRiskier: true)
        /// From 2022 CBS classifies by birthplace and origin: European origin outside the
        /// Netherlands stands in for the western background.
        public static let europe = RiskComponent(name: "european_background",
                                          numerator: [["percentage_geb_nederland_herkomst_overig_europa"],
                                                      ["percentage_geb_buiten_nederland_herkomst_europa"]],
                                          denominator: nil, higherIsRiskier: true, standsInFor: "western_background")
        public static let nonWestern = RiskComponent(name: "non_western_background",
                                              numerator: [["percentage_niet_westerse_migr_achtergr"]],
                                              denominator: nil, higherIsRiskier: true)
        public static let outsideEurope = RiskComponent(name: "outside_europe_background",
                                                 numerator: [["percentage_geb_nederland_herkomst_buiten_europa"],
                                                             ["percentage_geb_buiten_nederland_herkmst_buiten_europa"]],
                                                 denominator: nil, higherIsRiskier: true, standsInFor: "non_western_background")
        /// Wijk- en buurtkaart (2022+): origin shares as percentages of all residents.
        public static let europePct = RiskComponent(name: "european_origin_pct",
                                                    numerator: [["percentageMetHerkomstlandUitEuropaExclNl"]], denominator: nil,
                                                    higherIsRiskier: true, standsInFor: "western_background")
        public static let outsideEuropePct = RiskComponent(name: "outside_europe_origin_pct",
                                                           numerator: [["percentageMetHerkomstlandBuitenEuropa"]], denominator: nil,
                                                           higherIsRiskier: true, standsInFor: "non_western_background")
        public static let youngAdultsPct = RiskComponent(name: "young_adults_15_25_pct",
                                                         numerator: [["percentagePersonen15Tot25Jaar"]], denominator: nil,
                                                         higherIsRiskier: true, standsInFor: "young_adults_15_25")
        public static let aged65Pct = RiskComponent(name: "aged_65_plus_pct", numerator: [["percentagePersonen65JaarEnOuder"]],
                                                    denominator: nil, higherIsRiskier: true, standsInFor: "aged_75_plus")
        /// Widowed share (buurt level only; vzinfo: losing a partner is a main loneliness risk).
        /// Weight 0 by default: it is not in the PC4 files the weights were fitted on.
        public static let widowed = RiskComponent(name: "widowed", numerator: [["percentageVerweduwd"]], denominator: nil,
                                                  higherIsRiskier: true)
        public static let addressDensity = RiskComponent(name: "address_density", numerator: [["omgevingsadressendichtheid"]],
                                                  denominator: nil, higherIsRiskier: true)
        public static let rented = RiskComponent(name: "rented_dwellings", numerator: [["percentage_huurwoningen"]], denominator: nil,
                                          higherIsRiskier: true)
    }
}

/// Settings of the construction (defaults documented in docs/METHOD.md).
public struct RiskIndexSettings: Sendable, Equatable {
    /// Areas with fewer inhabitants are not ranked.
    public var minimumPopulation = 50.0
    /// Strength of the shrinkage of rates towards the pooled rate, in units of the denominator:
    /// r̃ = (numerator + m·p̄) / (denominator + m).
    public var shrinkage = 50.0
    public init() {}
}

/// One area's result on one index.
public struct AreaIndexScore: Sendable, Equatable {
    public var code: String
    /// Per component: the (shrunk) value and its risk percentile; absent when not available.
    public var components: [String: (value: Double, percentile: Double)]
    /// Weighted mean of the component percentiles (0–100).
    public var score: Double?
    /// The score ranked again over the ranked areas (0–100, higher = more risk).
    public var percentile: Double?
    /// 1 (lowest risk) … 10 (highest).
    public var decile: Int?
    public var notRankedReason: String?
    public var missingComponents: [String]
    public var ranked: Bool { notRankedReason == nil }

    public static func == (a: AreaIndexScore, b: AreaIndexScore) -> Bool {
        a.code == b.code && a.score == b.score && a.percentile == b.percentile && a.decile == b.decile
            && a.notRankedReason == b.notRankedReason && a.missingComponents == b.missingComponents
            && a.components.keys.sorted() == b.components.keys.sorted()
            && a.components.keys.allSatisfy { a.components[$0]! == b.components[$0]! }
    }
}

public struct RiskIndexResult: Sendable {
    public var definition: RiskIndexDefinition
    public var scores: [AreaIndexScore]
    /// Components that no area could have, with the missing columns.
    public var notComputable: [(component: String, missing: [String])]
    public var used: [RiskComponent]
}

public enum RiskIndex {
    /// Builds the index over `areas` (the comparison set). Order of `areas` does not matter:
    /// scores come back sorted by code.
    public static func compute(_ areas: [AreaRecord], definition: RiskIndexDefinition,
                               settings: RiskIndexSettings = RiskIndexSettings()) -> RiskIndexResult {
        let prepared = Prepared(areas, definition: definition, settings: settings)
        return RiskIndexResult(definition: definition, scores: prepared.scores(weights: prepared.used.map(\.weight)),
                               notComputable: prepared.notComputable, used: prepared.used)
    }

    /// The result for the default weights of an already prepared comparison set.
    public static func result(_ prepared: Prepared, definition: RiskIndexDefinition) -> RiskIndexResult {
        RiskIndexResult(definition: definition, scores: prepared.scores(weights: prepared.used.map(\.weight)),
                        notComputable: prepared.notComputable, used: prepared.used)
    }

    /// Component values and percentiles of a comparison set, from which scores for any
    /// weights follow cheaply (used for the stability analysis).
    public struct Prepared: Sendable {
        public let codes: [String]
        public let used: [RiskComponent]
        public let notComputable: [(component: String, missing: [String])]
        let componentValues: [[Double?]]
        let componentPercentiles: [[Double?]]
        /// Why each area is not ranked (nil: ranked), independent of the weights.
        let notRankedReasons: [String?]

        public init(_ input: [AreaRecord], definition: RiskIndexDefinition, settings: RiskIndexSettings) {
            let areas = input.sorted { $0.code < $1.code }
            codes = areas.map(\.code)
            let columns = Set(areas.flatMap { $0.values.keys })
            let computable = Set(definition.components.filter { $0.isComputable(columns: columns) }.map(\.name))
            // A stand-in is used only where the component it stands in for cannot be computed.
            let used = definition.components.filter {
                computable.contains($0.name) && $0.weight > 0 && !($0.standsInFor.map(computable.contains) ?? false)
            }
            self.used = used
            // Reported: every weighted component that cannot be computed (with the stand-in used for
            // it, if any), and no stand-in that is not needed.
            notComputable = definition.components.filter { c in
                c.weight > 0 && !computable.contains(c.name) && !(c.standsInFor.map(computable.contains) ?? false)
            }.map { ($0.name, $0.missingColumns(columns: columns)) }
            let eligible = areas.map { ($0.population ?? 0) >= settings.minimumPopulation }

            var values: [[Double?]] = []
            for component in used {
                let parts = areas.map { RiskIndex.raw(component, $0) }
                if component.denominator != nil {
                    // Pooled rate over eligible areas, then shrink every rate towards it.
                    var num = 0.0, den = 0.0
                    for (i, p) in parts.enumerated() where eligible[i] {
                        if let p, let d = p.denominator { num += p.numerator; den += d }
                    }
                    let pooled = den > 0 ? num / den : 0
                    values.append(parts.map { p in
                        guard let p, let d = p.denominator, d > 0 else { return nil }
                        return (p.numerator + settings.shrinkage * pooled) / (d + settings.shrinkage)
                    })
                } else {
                    values.append(parts.map { $0?.numerator })
                }
            }
            componentValues = values
            // Risk percentiles per component over eligible areas that have it.
            componentPercentiles = zip(used, values).map { component, values in
                let keyed = values.enumerated().compactMap { i, v -> (Int, Double)? in
                    guard eligible[i], let v else { return nil }
                    return (i, component.higherIsRiskier ? v : -v)
                }
                let pct = RiskIndex.midRankPercentiles(keyed.map(\.1))
                var out = [Double?](repeating: nil, count: areas.count)
                for (k, (i, _)) in keyed.enumerated() { out[i] = pct[k] }
                return out
            }
            let percentiles = componentPercentiles
            notRankedReasons = areas.indices.map { i -> String? in
                let missing = percentiles.filter { $0[i] == nil }.count
                if used.isEmpty { return "no component can be computed from the data" }
                if !eligible[i] {
                    return areas[i].population == nil
                        ? "population unknown (secret or missing)"
                        : "fewer than \(Int(settings.minimumPopulation)) inhabitants"
                }
                if Double(missing) > Double(used.count) / 2 { return "missing \(missing) of \(used.count) components" }
                return nil
            }
        }

        /// Scores, percentiles and deciles for the given component weights (in `used` order).
        public func scores(weights: [Double]) -> [AreaIndexScore] {
            var scores: [AreaIndexScore] = codes.indices.map { i in
                var parts: [String: (value: Double, percentile: Double)] = [:]
                var missing: [String] = []
                var weighted = 0.0, total = 0.0
                for (c, component) in used.enumerated() {
                    if let p = componentPercentiles[c][i], let v = componentValues[c][i] {
                        parts[component.name] = (v, p)
                        weighted += weights[c] * p
                        total += weights[c]
                    } else {
                        missing.append(component.name)
                    }
                }
                let reason = notRankedReasons[i]
                return AreaIndexScore(code: codes[i], components: reason == nil ? parts : [:],
                                      score: reason == nil && total > 0 ? weighted / total : nil,
                                      percentile: nil, decile: nil, notRankedReason: reason,
                                      missingComponents: reason == nil ? missing : [])
            }
            let percentiles = rankedPercentiles(scores.map(\.score))
            for i in scores.indices {
                guard let p = percentiles[i] else { continue }
                scores[i].percentile = p
                scores[i].decile = min(10, Int(p / 10) + 1)
            }
            return scores
        }

        /// Only the index percentile of every area (nil: not ranked) for the given weights: the
        /// same numbers as `scores(weights:)`, without building the per-area details (the
        /// stability analysis calls this hundreds of times).
        public func percentiles(weights: [Double]) -> [Double?] {
            rankedPercentiles(codes.indices.map { i -> Double? in
                guard notRankedReasons[i] == nil else { return nil }
                var weighted = 0.0, total = 0.0
                for c in used.indices {
                    if let p = componentPercentiles[c][i], componentValues[c][i] != nil {
                        weighted += weights[c] * p
                        total += weights[c]
                    }
                }
                return total > 0 ? weighted / total : nil
            })
        }

        /// Mid-rank percentiles of the scores of ranked areas (nil stays nil).
        private func rankedPercentiles(_ scores: [Double?]) -> [Double?] {
            let rankedIndices = scores.indices.filter { scores[$0] != nil && notRankedReasons[$0] == nil }
            let pct = RiskIndex.midRankPercentiles(rankedIndices.map { scores[$0]! })
            var out = [Double?](repeating: nil, count: scores.count)
            for (k, i) in rankedIndices.enumerated() { out[i] = pct[k] }
            return out
        }
    }

    /// Numerator (and denominator) of a component for one area; nil when a needed cell is
    /// missing or a CBS code (a code never enters a rate).
    static func raw(_ component: RiskComponent, _ area: AreaRecord) -> (numerator: Double, denominator: Double?)? {
        func sum(_ parts: [[String]]) -> Double? {
            var total = 0.0
            for alternatives in parts {
                guard let v = area.number(alternatives) else { return nil }
                total += v
            }
            return total
        }
        guard let n = sum(component.numerator) else { return nil }
        guard let denominator = component.denominator else { return (n, nil) }
        guard let d = sum(denominator) else { return nil }
        return (n, d)
    }

    /// Percentiles 0–100 by mid-rank: 100·(r − ½)/n with r the average rank (ties share it),
    /// ascending. Independent of input order.
    public static func midRankPercentiles(_ values: [Double]) -> [Double] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = values.indices.sorted { values[$0] < values[$1] }
        var out = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, values[order[end + 1]] == values[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for k in start...end { out[order[k]] = 100 * (averageRank - 0.5) / Double(n) }
            start = end + 1
        }
        return out
    }
}
