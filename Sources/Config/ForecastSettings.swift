/// `[forecast]`: the demand forecast's volunteers needed at a target instead of the location's
/// current helpers per request. docs/METHOD.md §14.
public struct ForecastSettings: Sendable, Equatable {
    /// Help requests one volunteer takes a year; nil: the location's current helpers per request.
    public var requestsPerVolunteer: Double?
    public init(requestsPerVolunteer: Double? = nil) { self.requestsPerVolunteer = requestsPerVolunteer }
}
