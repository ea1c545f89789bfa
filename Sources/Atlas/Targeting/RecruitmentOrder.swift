/// Where to recruit volunteers first: high-risk areas without an active volunteer nearby.
///
/// Where the areas carry RIVM's measured share of residents doing volunteer work (the
/// municipality's or the buurt's, `rivm_vrijwilligerswerk_pct_18plus`), the areas are ranked by
/// that share, highest first, with the expected demand breaking ties: recruitment works best
/// where many people already volunteer. Without it, by expected demand alone.
public enum RecruitmentOrder {
    public static let volunteeringColumn = "rivm_vrijwilligerswerk_pct_18plus"

    public struct Suggestion: Sendable, Equatable {
        public var code: String
        public var expectedAtRisk: Double
        /// Percent of adults doing volunteer work (RIVM), when known.
        public var volunteeringShare: Double?
    }

    /// `candidates` are (code, expected at risk); `areas` give the measured share, if any.
    /// `byVolunteering` is true when at least one candidate has a measured share.
    public static func rank(_ candidates: [(code: String, expectedAtRisk: Double)], areas: [AreaRecord])
        -> (suggestions: [Suggestion], byVolunteering: Bool) {
        let share = Dictionary(areas.map { ($0.code, $0.values[volunteeringColumn]?.number) }, uniquingKeysWith: { a, _ in a })
        let suggestions = candidates.map { Suggestion(code: $0.code, expectedAtRisk: $0.expectedAtRisk, volunteeringShare: share[$0.code] ?? nil) }
        let byVolunteering = suggestions.contains { $0.volunteeringShare != nil }
        guard byVolunteering else { return (suggestions, false) }
        let sorted = suggestions.sorted { a, b in
            let sa = a.volunteeringShare ?? -1, sb = b.volunteeringShare ?? -1
            if sa != sb { return sa > sb }
            if a.expectedAtRisk != b.expectedAtRisk { return a.expectedAtRisk > b.expectedAtRisk }
            return a.code < b.code
        }
        return (sorted, true)
    }
}
