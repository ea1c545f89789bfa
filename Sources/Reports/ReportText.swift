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

    func index(_ name: String) -> String {
        switch name {
        case "debt": return t("Risico op problematische schulden", "Risk of problematic debts")
        case "loneliness": return t("Risico op eenzaamheid", "Risk of loneliness")
        case "combined": return t("Schulden en eenzaamheid samen", "Debt and loneliness combined")
        default: return name
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

    func quarter(_ label: String) -> String {
        // 2023-Q4 → "4e kwartaal 2023" / "Q4 2023"
        let parts = label.split(separator: "-")
        guard parts.count == 2 else { return label }
        return nl ? "\(parts[1].dropFirst())e kwartaal \(parts[0])" : "\(parts[1]) \(parts[0])"
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
