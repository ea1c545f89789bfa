import Atlas
import Foundation
import Testing

/// The default weights and at-risk slopes are what `docs/validation/fit_indices.py` fitted on
/// RIVM's 2020 estimates (training half): a change to either side shows up here.
struct FittedIndexWeightsTests {
    struct Fit: Decodable {
        struct Calibration: Decodable {
            var prevalence: Double
            var slope: Double
        }
        var index: IndexName
        var variant: String
        var weights: [String: Double]
        var calibration: Calibration
        var spearman_in_sample: Double
        var spearman_nested_cv: Double
    }

    static func fits() throws -> [String: Fit] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/validation/fitted_indices.json")
        return try JSONDecoder().decode([String: Fit].self, from: Data(contentsOf: file))
    }

    @Test(arguments: ["loneliness", "loneliness_65_plus", "debt"])
    func defaultWeightsAreTheFittedOnes(key: String) throws {
        let fit = try #require(try Self.fits()[key])
        let definition = try #require(RiskIndexDefinition.variants(of: fit.index).first { $0.variant == fit.variant })
        // Primary components (stand-ins carry the weight of what they stand in for).
        let primary = definition.components.filter { $0.standsInFor == nil && $0.weight > 0 }
        #expect(Dictionary(uniqueKeysWithValues: primary.map { ($0.name, $0.weight) }) == fit.weights)
        for standIn in definition.components where standIn.standsInFor != nil {
            let original = try #require(definition.components.first { $0.name == standIn.standsInFor })
            #expect(standIn.weight == original.weight, "\(standIn.name) stands in for \(original.name)")
        }
        let model = AtRiskModel.standard(for: fit.index, variant: fit.variant)
        if fit.index == .loneliness {
            #expect(abs(model.slope - fit.calibration.slope) < 0.0005)
            #expect(abs(model.prevalence - fit.calibration.prevalence) < 0.0005)
        }
    }

    /// The documented acceptance figure: cross-validated ρ ≥ 0.80 for the default loneliness index.
    @Test func defaultLonelinessIndexPredictsMeasuredLoneliness() throws {
        let fit = try #require(try Self.fits()["loneliness"])
        #expect(fit.spearman_nested_cv >= 0.80)
        #expect(RiskIndexDefinition.variants(of: .loneliness).first?.variant == "adults")
    }
}
