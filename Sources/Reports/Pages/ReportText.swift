import Atlas
import Foundation

/// The report's words in its language (`Phrase`, one catalogue per language) and locale-aware
/// number text.
struct ReportText {
    let lang: ReportLanguage
    let threshold: Int
    var nl: Bool { lang == .nl }

    func t(_ phrase: Phrase) -> String { nl ? phrase.dutch : phrase.english }

    /// What "×" means on a page; an internal run (threshold 1) hides nothing and says it is not for sharing.
    var hiddenLegend: String { threshold > 1 ? t(.hiddenLegend(threshold: threshold)) : t(.internalRunNotForSharing) }

    // MARK: numbers
    func count(_ n: Int) -> String { grouped(String(n)) }
    func count(_ n: Double) -> String { count(Int(saturating: n.rounded())) }

    func percent(_ share: Double, decimals: Int = 0) -> String {
        decimal(100 * share, decimals: decimals) + "%"
    }

    func decimal(_ v: Double, decimals: Int) -> String {
        let s = String(format: "%.\(decimals)f", v)
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let whole = grouped(String(parts[0]))
        guard parts.count == 2 else { return whole }
        return whole + (nl ? "," : ".") + parts[1]
    }

    func distance(_ metres: Double) -> String {
        metres < 1000 ? "\(count(metres)) m" : "\(decimal(metres / 1000, decimals: 1)) km"
    }

    private func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        var body = Array(negative ? String(digits.dropFirst()) : digits)
        var out: [Character] = []
        while body.count > 3 {
            out = [nl ? "." : ","] + body.suffix(3) + out
            body.removeLast(3)
        }
        return (negative ? "-" : "") + String(body + out)
    }

    // MARK: words
    func category(_ c: Category) -> String {
        switch c {
        case .praktisch: return t(.practical)
        case .sociaal: return t(.social)
        case .vervoer: return t(.transport)
        }
    }

    func index(_ name: IndexName) -> String {
        switch name {
        case .debt: return t(.riskOfProblematicDebts)
        case .loneliness: return t(.riskOfLoneliness)
        }
    }

    /// Why an area was chosen (targets.csv's `why`), in the report language.
    func targetReason(_ r: FlyerTargeting.Reason) -> String {
        if let stored = r.storedText { return stored }
        var parts = r.percentiles.map { t(.reasonPercentile(index: $0.index, value: $0.value)) }
        parts.append(t(.reasonAtRiskPerThousandFlyers(count(r.atRiskPerThousandFlyers))))
        if r.underReached { parts.append(t(.reasonUnderReached)) }
        if let next = r.adjacentTo { parts.append(t(.reasonNextTo(next))) }
        parts.append(r.volunteerWithinMetres == 0 ? t(.reasonVolunteerInTheArea) : t(.reasonVolunteerWithin("\(count(r.volunteerWithinMetres)) m")))
        return parts.joined(separator: "; ")
    }

    func goal(_ goal: FlyerTargeting.Goal) -> String {
        switch goal {
        case .debt: return index(.debt)
        case .loneliness: return index(.loneliness)
        case .combined: return t(.debtAndLonelinessCombined)
        }
    }

    func notRanked(_ reason: NotRankedReason) -> String {
        switch reason {
        case .noComputableComponent: return t(.noComponentCanBeComputedFrom)
        case .populationUnknown: return t(.populationUnknownSecretOrMissing)
        case let .tooFewInhabitants(n): return t(.fewerThanInhabitants(count(n)))
        case let .missingComponents(m, n): return t(.missingComponents(m, of: n))
        case let .other(text): return text
        }
    }

    func nothingChosen(_ reason: FlyerTargeting.NothingChosen) -> String {
        switch reason {
        case let .noBudget(flyers): return t(.budgetIs(flyers: count(flyers)))
        case .noAreaInCatchment: return t(.noAreaLiesInTheCatchment)
        case let .noVolunteerNearby(metres, areas):
            return t(.noAreaHasAVolunteerWithin(distance: distance(Double(metres)), areas: count(areas)))
        case let .nothingRanked(goal):
            return t(.noAreaRankedOn(goal: self.goal(goal).lowercased()))
        case let .budgetTooSmall(budget, first, firstFlyers, smallest, smallestFlyers):
            return t(.budgetSmallerThanEveryArea(budget: count(budget), first: first, firstFlyers: count(firstFlyers), smallest: smallest, smallestFlyers: count(smallestFlyers)))
        case let .other(text): return text
        }
    }

    func catchment(_ choice: FlyerTargeting.CatchmentChoice) -> String {
        switch choice {
        case let .municipalities(names): return t(.municipalities) + ": " + names.joined(separator: ", ")
        case let .circle(km, around): return t(.kmAround(km: decimal(km, decimals: 1), place: around))
        case let .nearVolunteers(km, category):
            return t(.withinKmOfActiveVolunteers(km: decimal(km, decimals: 1)))
                + (category.map { " (\(self.category($0)))" } ?? "")
        case .everywhere: return t(.allAreas)
        case let .other(text): return text
        }
    }

    func requesterType(_ raw: String) -> String {
        switch raw {
        case "bewoner": return t(.resident)
        case "naaste": return t(.relativeOrFriend)
        case "ambulant_hulpverlener": return t(.outreachWorker)
        case "sociaal_makelaar": return t(.communityBroker)
        case "sociaal_wijkteam": return t(.neighbourhoodSocialTeam)
        case "other": return t(.other)
        case "unknown": return t(.unknown)
        default: return raw
        }
    }

    /// 2023-Q4 → "4e kwartaal 2023" / "Q4 2023"
    func quarter(_ q: Quarter) -> String { t(.quarterName(number: q.number, year: q.year)) }

    func month(_ label: String) -> String {
        let parts = label.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return label }
        return "\(t(.monthAbbreviation(m))) \(parts[0].suffix(2))"
    }

}
