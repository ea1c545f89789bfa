/// Whose requests a figure covers: one location, or all locations together. Published as the
/// location's name, and as "all" for the aggregate (a name ingest keeps for it, see
/// `Vocabulary.reservedLocation`).
public enum LocationScope: Hashable, Sendable, Comparable, CustomStringConvertible {
    case all
    case named(String)

    /// "all" is the aggregate; any other text a location.
    public init(_ label: String) { self = label == Vocabulary.reservedLocation ? .all : .named(label) }

    public var label: String {
        switch self {
        case .all: return Vocabulary.reservedLocation
        case let .named(name): return name
        }
    }

    public var description: String { label }

    /// Does a request or volunteer of `location` count in this scope?
    public func includes(_ location: String) -> Bool {
        switch self {
        case .all: return true
        case let .named(name): return name == location
        }
    }

    /// The aggregate first, then the locations by name.
    public static func < (a: LocationScope, b: LocationScope) -> Bool {
        switch (a, b) {
        case (.all, .all): return false
        case (.all, .named): return true
        case (.named, .all): return false
        case let (.named(x), .named(y)): return x < y
        }
    }
}
