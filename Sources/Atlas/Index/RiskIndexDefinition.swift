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
    public var name: IndexName
    /// Which fitted weighting ("adults", "65_plus"; "default" where an index has one).
    public var variant: String
    public var components: [RiskComponent]

    public init(name: IndexName, variant: String = "default", components: [RiskComponent]) {
        self.name = name
        self.variant = variant
        self.components = components
    }

    /// Problematic-debt risk. Components from CBS, Schuldenproblematiek in beeld 2015–2018
    /// (ch. 4–5); weights fitted on RIVM's "moeite met rondkomen" 2020 (training half of the
    /// municipalities) by `docs/validation/fit_indices.py`, pinned by a test. Components at
    /// weight 0 are candidates the fit left out (configurable).
    public static let debt = RiskIndexDefinition(name: .debt, components: [
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

    /// Every CBS column a component of this index may read (every alternative, stand-ins and
    /// weight-0 candidates included): what the index needs of an area set.
    public var columns: [String] {
        var seen = Set<String>()
        return components.flatMap { $0.numerator + ($0.denominator ?? []) }.joined().filter { seen.insert($0).inserted }
    }

    /// A copy with some weights replaced (component name → weight); unknown names are an error.
    public func withWeights(_ weights: [String: Double]) throws(UnknownComponent) -> RiskIndexDefinition {
        var copy = self
        for (name, weight) in weights {
            guard let i = copy.components.firstIndex(where: { $0.name == name }) else {
                throw UnknownComponent(index: self.name.rawValue, name: name, known: components.map(\.name))
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
    public static let loneliness = RiskIndexDefinition(name: .loneliness, variant: "adults",
                                                       components: lonelinessComponents(western: 1))

    /// Loneliness risk of people aged 65+, fitted on RIVM's severely lonely 65+ (same script):
    /// the same components, with more weight on the western migration background.
    public static let loneliness65Plus = RiskIndexDefinition(name: .loneliness, variant: "65_plus",
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
    public static let lonelinessMeasured = RiskIndexDefinition(name: .loneliness, variant: "measured", components: [
        RiskComponent(name: "rivm_severely_lonely_18_plus", numerator: [["rivm_ernstig_eenzaam_pct_18plus"]], denominator: nil,
                      higherIsRiskier: true),
    ])
    public static let debtMeasured = RiskIndexDefinition(name: .debt, variant: "measured", components: [
        RiskComponent(name: "rivm_difficulty_making_ends_meet_18_plus", numerator: [["rivm_moeite_met_rondkomen_pct_18plus"]],
                      denominator: nil, higherIsRiskier: true),
    ])

    /// The definitions of one index, by variant (the first is the default).
    public static func variants(of name: IndexName) -> [RiskIndexDefinition] {
        switch name {
        case .debt: return [.debt, .debtMeasured]
        case .loneliness: return [.loneliness, .loneliness65Plus, .lonelinessMeasured]
        }
    }
}
