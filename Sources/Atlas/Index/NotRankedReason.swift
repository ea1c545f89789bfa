/// Why an area has no rank on an index. `description` is the English text stored and published
/// in areas.csv; the reports say it in their own language.
public enum NotRankedReason: Sendable, Equatable, CustomStringConvertible {
    case noComputableComponent
    case populationUnknown
    case tooFewInhabitants(minimum: Int)
    case missingComponents(missing: Int, of: Int)
    /// A reason stored by another version, kept as it was written.
    case other(String)

    public var description: String {
        switch self {
        case .noComputableComponent: return "no component can be computed from the data"
        case .populationUnknown: return "population unknown (secret or missing)"
        case let .tooFewInhabitants(minimum): return "fewer than \(minimum) inhabitants"
        case let .missingComponents(missing, of): return "missing \(missing) of \(of) components"
        case let .other(text): return text
        }
    }

    /// The reason whose `description` is `text`.
    public init(stored text: String) {
        let words = text.split(separator: " ")
        if text == NotRankedReason.noComputableComponent.description { self = .noComputableComponent }
        else if text == NotRankedReason.populationUnknown.description { self = .populationUnknown }
        else if words.count == 4, text.hasPrefix("fewer than "), text.hasSuffix(" inhabitants"), let n = Int(words[2]) {
            self = .tooFewInhabitants(minimum: n)
        } else if words.count == 5, words[0] == "missing", words[2] == "of", words[4] == "components",
                  let m = Int(words[1]), let n = Int(words[3]) {
            self = .missingComponents(missing: m, of: n)
        } else { self = .other(text) }
    }
}
