import Atlas
import Foundation

/// How one input's headers and words map onto hulpatlas's names.
public struct InputMapping: Sendable, Equatable {
    /// canonical column → the header in the export.
    public var columns: [String: String] = [:]
    /// field → (normalised word in the export → canonical value).
    public var values: [String: [String: String]] = [:]
    public init() {}

    /// The mapping as sorted lines (the same on every run: no dictionary order).
    public var canonicalLines: [String] {
        columns.sorted { $0.key < $1.key }.map { "column \($0.key)=\($0.value)" }
            + values.sorted { $0.key < $1.key }.flatMap { field, words in
                words.sorted { $0.key < $1.key }.map { "value \(field).\($0.key)=\($0.value)" }
            }
    }
}

/// A run's configuration file (TOML). Every key is optional; an unknown key is an error, so
/// that a typo never passes silently. Example:
///
///     [requests.columns]            # canonical name = "header in your export"
///     request_id = "Vraagnummer"
///     [requests.values.status]      # "word in your export" = canonical status
///     "Gekoppeld" = "match"
///     [outcome]
///     matched = ["match", "doorverwezen"]
///     not_matched = ["geen_match", "afgewezen", "ingetrokken"]
///     [privacy]
///     suppression_threshold = 5
public struct HulpatlasConfig: Sendable, Equatable {
    public var requests = InputMapping()
    public var helpers = InputMapping()
    public var outcome = OutcomeRule.standard
    public var suppressionThreshold = 5
    /// Component weights per index (`[index.debt.weights]`), and the construction settings.
    public var indexWeights: [IndexName: [String: Double]] = [:]
    /// The fitted weighting per index (`[index.loneliness] variant = "65_plus"`); default: the first.
    public var indexVariants: [IndexName: String] = [:]
    public var indexSettings = RiskIndexSettings()
    public var target = TargetSettings()
    public var report = ReportSettings()
    public var run = RunInputs()
    /// `[study]`: the study period, when configured.
    public var study: StudySettings?
    /// The study period every protected table set of this configuration includes.
    public var studyPeriod: StudyPeriod? { study?.period }
    /// `[campaign]`: the campaign comparison's window, controls and placebo runs.
    public var campaign = CampaignSettings()
    /// `[forecast]`: volunteers needed at a target number of requests per volunteer.
    public var forecast = ForecastSettings()


    /// The calibrated at-risk model of each index, for the configured variant.
    public func atRiskModels() throws -> [IndexName: AtRiskModel] {
        var models: [IndexName: AtRiskModel] = [:]
        for definition in try indexDefinitions() {
            models[definition.name] = AtRiskModel.standard(for: definition.name, variant: definition.variant)
        }
        return models
    }

    /// The variants of an index (`[index.NAME] variant`, `--NAME-variant`); the first is the default.
    public static func variants(of index: IndexName) -> [String] {
        RiskIndexDefinition.variants(of: index).map(\.variant)
    }

    /// The index definitions of the configured variants (default: the first), with the configured
    /// weights applied.
    public func indexDefinitions() throws -> [RiskIndexDefinition] {
        try IndexName.allCases.map { name in
            let variants = RiskIndexDefinition.variants(of: name)
            let wanted = indexVariants[name] ?? variants.first?.variant
            guard let definition = variants.first(where: { $0.variant == wanted }) else {
                throw ConfigError(file: "config", message: "[index.\(name)] variant must be one of: "
                                  + variants.map(\.variant).joined(separator: ", "))
            }
            do { return try definition.withWeights(indexWeights[definition.name] ?? [:]) } catch {
                throw ConfigError(file: "config", message: "[index.\(definition.name).weights]: \(error)")
            }
        }
    }

    public init() {}

    public struct ConfigError: Error, CustomStringConvertible, Equatable {
        public let file: String
        public let message: String
        public var description: String { "\(file): \(message)" }
    }
}
