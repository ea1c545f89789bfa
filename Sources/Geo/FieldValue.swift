/// A typed attribute value read from or written to a vector layer.
public enum FieldValue: Equatable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as text, as a user would type it ("" for null).
    public var text: String {
        switch self {
        case .null: return ""
        case let .integer(v): return String(v)
        case let .real(v): return String(v)
        case let .text(s): return s
        }
    }
}

/// The type of a field in a layer's schema.
public enum FieldKind: Sendable, Equatable {
    case integer, real, text, other
}

/// One column of a layer's schema.
public struct FieldDefinition: Sendable, Equatable {
    public var name: String
    public var kind: FieldKind
    public init(name: String, kind: FieldKind) {
        self.name = name
        self.kind = kind
    }
}
