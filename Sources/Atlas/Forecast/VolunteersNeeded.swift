/// Volunteers a forecast needs: at the location's current helpers per request (active
/// volunteers over the last full year's help requests), or at a target number of requests per
/// volunteer a year; and the gap to the volunteers active today. docs/METHOD.md §14.
public enum VolunteersNeeded {
    public struct Need: Sendable, Equatable {
        /// Volunteers needed (rounded up) and the gap to those active (positive: short).
        public var needed: Int
        public var gap: Int
        /// Helpers per request the need is computed at.
        public var helpersPerRequest: Double
    }

    /// nil when the ratio is unknown (no requests last year) or the forecast is not finite.
    public static func need(forecastRequests: Double, active: Int, lastYearRequests: Int?,
                            requestsPerVolunteer target: Double?) -> Need? {
        guard forecastRequests.isFinite, forecastRequests >= 0 else { return nil }
        let ratio: Double
        if let target, target > 0 {
            ratio = 1 / target
        } else if let lastYearRequests, lastYearRequests > 0 {
            ratio = Double(active) / Double(lastYearRequests)
        } else {
            return nil
        }
        let needed = Int((forecastRequests * ratio - 1e-9).rounded(.up))
        return Need(needed: max(0, needed), gap: max(0, needed) - active, helpersPerRequest: ratio)
    }
}
