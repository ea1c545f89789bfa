import Atlas

/// `[campaign]`: how `campaign effect` (and every command that publishes the protected tables)
/// compares the areas a campaign targeted with their controls, and for `run` a CSV of delivered
/// campaigns to record first. docs/METHOD.md §13.
public struct CampaignSettings: Sendable, Equatable {
    /// A CSV of delivered campaigns (code, delivered, flyers, campaign), for `run`; an absolute path.
    public var file: String?
    public var monthsBefore = 12
    public var monthsAfter = 6
    public var controlsPerArea = 3
    public var placeboRuns = 199

    public init(file: String? = nil, monthsBefore: Int = 12, monthsAfter: Int = 6, controlsPerArea: Int = 3,
                placeboRuns: Int = 199) {
        self.file = file
        self.monthsBefore = monthsBefore
        self.monthsAfter = monthsAfter
        self.controlsPerArea = controlsPerArea
        self.placeboRuns = placeboRuns
    }

    public var evaluation: CampaignEvaluation.Settings {
        .init(monthsBefore: monthsBefore, monthsAfter: monthsAfter, controlsPerArea: controlsPerArea, placeboRuns: placeboRuns)
    }

    /// The rules every source of settings must meet; messages name settings as `name` spells them.
    public func problems(name: (String) -> String) -> [String] {
        var out: [String] = []
        for (key, value, range) in [("months_before", monthsBefore, 3...120), ("months_after", monthsAfter, 3...60),
                                    ("controls_per_area", controlsPerArea, 1...20), ("placebo_runs", placeboRuns, 0...9999)]
            where !range.contains(value) {
            out.append("\(name(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return out
    }
}
