extension RiskIndexDefinition {
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
