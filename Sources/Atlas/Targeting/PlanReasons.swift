import Foundation

extension FlyerTargeting {
    /// How the catchment of a plan was given. `description` is the English text of the printed
    /// summary and the store; the reports say it in their own language.
    public enum CatchmentChoice: Sendable, Equatable, Codable, CustomStringConvertible {
        case municipalities([String])
        case circle(km: Double, around: String)
        case nearVolunteers(km: Double, category: Category?)
        case everywhere
        /// A catchment stored by another version, kept as it was written.
        case other(String)

        public var description: String {
            switch self {
            case let .municipalities(names): return "municipalities: " + names.joined(separator: ", ")
            case let .circle(km, around): return "\(String(format: "%.1f", km)) km around \(around)"
            case let .nearVolunteers(km, category):
                return "within \(String(format: "%.1f", km)) km of active volunteers" + (category.map { " (\($0.rawValue))" } ?? "")
            case .everywhere: return "all areas"
            case let .other(text): return text
            }
        }
    }

    /// Why a plan chose no area. `description` is the English text of the printed summary.
    public enum NothingChosen: Sendable, Equatable, Codable, CustomStringConvertible {
        case noBudget(flyers: Int)
        case noAreaInCatchment
        case noVolunteerNearby(metres: Int, areas: Int)
        case nothingRanked(goal: Goal)
        case budgetTooSmall(budget: Int, first: String, firstFlyers: Int, smallest: String, smallestFlyers: Int)
        /// A reason stored by another version, kept as it was written.
        case other(String)

        public var description: String {
            switch self {
            case let .noBudget(flyers): return "the budget is \(flyers) flyers"
            case .noAreaInCatchment: return "no area lies in the catchment"
            case let .noVolunteerNearby(metres, areas):
                return "no area in the catchment has an active volunteer within \(metres) m "
                    + "(\(areas) areas left out for that reason); flyers there would bring requests nobody can answer"
            case let .nothingRanked(goal): return "no area in the catchment is ranked on the \(goal.rawValue) index and has households"
            case let .budgetTooSmall(budget, first, firstFlyers, smallest, smallestFlyers):
                return "the budget of \(budget) flyers is smaller than every eligible area: the first choice, \(first), "
                    + "needs \(firstFlyers) flyers and the smallest, \(smallest), \(smallestFlyers)"
            case let .other(text): return text
            }
        }
    }
}
