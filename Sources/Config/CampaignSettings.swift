import Atlas

/// `[campaign]`: how `campaign effect` (and every command that publishes the protected tables)
/// compares the areas a campaign targeted with their controls, and for `run` a CSV of delivered
/// campaigns to record first. docs/METHOD.md §13.
public struct CampaignSettings: Sendable, Equatable {
    /// A CSV of delivered campaigns (code, delivered, flyers, campaign), for `run`; an absolute path.
    public var file: String?
    /// The window, controls and placebo runs of the comparison.
    public var evaluation = CampaignEvaluation.Settings()

    public init(file: String? = nil, evaluation: CampaignEvaluation.Settings = .init()) {
        self.file = file
        self.evaluation = evaluation
    }

    /// The whole-number settings by their config name, with the values each may take.
    public static let numbers: [(key: String, path: WritableKeyPath<CampaignEvaluation.Settings, Int> & Sendable, range: ClosedRange<Int>)] = [
        ("months_before", \.monthsBefore, 3...120), ("months_after", \.monthsAfter, 3...60),
        ("controls_per_area", \.controlsPerArea, 1...20), ("placebo_runs", \.placeboRuns, 0...9999),
    ]

    /// The rules every source of settings must meet; messages name settings as `name` spells them.
    public func problems(name: (String) -> String) -> [String] {
        Self.numbers.filter { !$0.range.contains(evaluation[keyPath: $0.path]) }.map {
            "\(name($0.key)) must be a whole number from \($0.range.lowerBound) to \($0.range.upperBound)"
        }
    }
}
