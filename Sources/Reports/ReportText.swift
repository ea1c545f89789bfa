import Atlas
import Foundation

/// The words of the report in Dutch (default) and English, and locale-aware number text.
struct ReportText {
    let lang: ReportLanguage
    let threshold: Int
    var nl: Bool { lang == .nl }

    func t(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

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
        case .praktisch: return t("praktisch", "practical")
        case .sociaal: return t("sociaal", "social")
        case .vervoer: return t("vervoer", "transport")
        }
    }

    func index(_ name: IndexName) -> String {
        switch name {
        case .debt: return t("Risico op problematische schulden", "Risk of problematic debts")
        case .loneliness: return t("Risico op eenzaamheid", "Risk of loneliness")
        }
    }

    func goal(_ goal: FlyerTargeting.Goal) -> String {
        switch goal {
        case .debt: return index(.debt)
        case .loneliness: return index(.loneliness)
        case .combined: return t("Schulden en eenzaamheid samen", "Debt and loneliness combined")
        }
    }

    func notRanked(_ reason: NotRankedReason) -> String {
        switch reason {
        case .noComputableComponent: return t("geen onderdeel te berekenen uit de gegevens", "no component can be computed from the data")
        case .populationUnknown: return t("inwonertal onbekend (geheim of ontbrekend)", "population unknown (secret or missing)")
        case let .tooFewInhabitants(n): return t("minder dan \(count(n)) inwoners", "fewer than \(count(n)) inhabitants")
        case let .missingComponents(m, n): return t("\(m) van de \(n) onderdelen ontbreken", "missing \(m) of \(n) components")
        case let .other(text): return text
        }
    }

    func nothingChosen(_ reason: FlyerTargeting.NothingChosen) -> String {
        switch reason {
        case let .noBudget(flyers): return t("het budget is \(count(flyers)) flyers", "the budget is \(count(flyers)) flyers")
        case .noAreaInCatchment: return t("geen gebied ligt in het gekozen gebied", "no area lies in the catchment")
        case let .noVolunteerNearby(metres, areas):
            return t("geen gebied heeft een actieve vrijwilliger binnen \(distance(Double(metres))) (\(count(areas)) gebieden daarom overgeslagen); flyers daar leveren hulpvragen op die niemand kan beantwoorden",
                     "no area in the catchment has an active volunteer within \(distance(Double(metres))) (\(count(areas)) areas left out for that reason); flyers there would bring requests nobody can answer")
        case let .nothingRanked(goal):
            return t("geen gebied is gerangschikt op \(self.goal(goal).lowercased()) en heeft huishoudens",
                     "no area in the catchment is ranked on \(self.goal(goal).lowercased()) and has households")
        case let .budgetTooSmall(budget, first, firstFlyers, smallest, smallestFlyers):
            return t("het budget van \(count(budget)) flyers is kleiner dan elk geschikt gebied: de eerste keus, \(first), vraagt \(count(firstFlyers)) flyers en de kleinste, \(smallest), \(count(smallestFlyers))",
                     "the budget of \(count(budget)) flyers is smaller than every eligible area: the first choice, \(first), needs \(count(firstFlyers)) flyers and the smallest, \(smallest), \(count(smallestFlyers))")
        case let .other(text): return text
        }
    }

    func catchment(_ choice: FlyerTargeting.CatchmentChoice) -> String {
        switch choice {
        case let .municipalities(names): return t("gemeenten", "municipalities") + ": " + names.joined(separator: ", ")
        case let .circle(km, around): return t("\(decimal(km, decimals: 1)) km rond \(around)", "\(decimal(km, decimals: 1)) km around \(around)")
        case let .nearVolunteers(km, category):
            return t("binnen \(decimal(km, decimals: 1)) km van actieve vrijwilligers", "within \(decimal(km, decimals: 1)) km of active volunteers")
                + (category.map { " (\(self.category($0)))" } ?? "")
        case .everywhere: return t("alle gebieden", "all areas")
        case let .other(text): return text
        }
    }

    func requesterType(_ raw: String) -> String {
        switch raw {
        case "bewoner": return t("bewoner zelf", "resident")
        case "naaste": return t("naaste", "relative or friend")
        case "ambulant_hulpverlener": return t("ambulant hulpverlener", "outreach worker")
        case "sociaal_makelaar": return t("sociaal makelaar", "community broker")
        case "sociaal_wijkteam": return t("sociaal wijkteam", "neighbourhood social team")
        case "other": return t("anders", "other")
        case "unknown": return t("onbekend", "unknown")
        default: return raw
        }
    }

    /// 2023-Q4 → "4e kwartaal 2023" / "Q4 2023"
    func quarter(_ q: Quarter) -> String {
        nl ? "\(q.number)e kwartaal \(q.year)" : "Q\(q.number) \(q.year)"
    }

    func month(_ label: String) -> String {
        let names = nl ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
                       : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let parts = label.split(separator: "-")
        guard parts.count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return label }
        return "\(names[m - 1]) \(parts[0].suffix(2))"
    }

    var hidden: String { "<\(threshold)" }
}
