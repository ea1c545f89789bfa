import Atlas
import Foundation

/// forecast.html: per location the next four quarters' expected help requests per category
/// with their 95% prediction intervals, the backtest against seasonal naive, and the volunteers
/// the forecast needs with the gap to today's. Read only from forecast.csv and volunteers_needed.csv.
public enum ForecastPage {
    public static let file = "forecast.html"

    @discardableResult
    public static func write(tables: [PublishedTable], folder: String, language: ReportLanguage, threshold: Int) throws -> [String] {
        let byFile = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        guard let forecast = byFile["forecast.csv"], !forecast.rows.isEmpty else { return [] }
        let text = ReportText(lang: language, threshold: threshold)
        let nl = text.nl
        func d(_ cell: String, _ decimals: Int) -> String { Double(cell).map { text.decimal($0, decimals: decimals) } ?? "–" }
        let rows = forecast.rows.map(PublishedRow<ForecastTables.ForecastColumn>.init)
        let needs = (byFile["volunteers_needed.csv"]?.rows ?? []).map(PublishedRow<ForecastTables.NeedColumn>.init)
        var locations: [String] = []
        for r in rows where !locations.contains(r[.location]) { locations.append(r[.location]) }
        let sections: [HTML] = locations.map { location in
            let own = rows.filter { $0[.location] == location }
            var quarters: [String] = []
            for r in own where !quarters.contains(r[.quarter]) { quarters.append(r[.quarter]) }
            let head: [HTML] = quarters.map { "<th>\($0)</th>" }
            let body: [HTML] = Category.allCases.map { c in
                let cells = own.filter { $0[.category] == c.rawValue }
                let first = cells.first
                let quarterCells: [HTML] = cells.map { r in
                    r[.expected].isEmpty ? "<td>–</td>" : "<td>\(d(r[.expected], 0)) <span class=\"note\">(\(d(r[.low], 0))–\(d(r[.high], 0)))</span></td>"
                }
                let need = needs.first { $0[.location] == location && $0[.category] == c.rawValue }
                let backtest = first.map { r -> String in
                    r[.mase_model].isEmpty ? "–" : "\(d(r[.mase_model], 2)) / \(d(r[.mase_seasonal_naive], 2))"
                        + (r[.beats_seasonal_naive] == "1" ? "" : (nl ? " (niet beter)" : " (not better)"))
                } ?? "–"
                let needText = need.map { n in n[.volunteers_needed].isEmpty ? "–" :
                    "\(n[.volunteers_needed]) (\(nl ? "nu" : "now") \(n[.active_volunteers]); \(Int(n[.gap]).map { $0 > 0 ? "+\($0)" : String($0) } ?? "–"))" } ?? "–"
                let why = reason(first?[.withheld_because] ?? "", nl: nl)
                return "<tr><th>\(text.category(c))</th>\(quarterCells)<td>\(backtest)</td><td>\(needText)</td></tr>"
                    + (why.isEmpty ? "" : "<tr><td colspan=\"\(quarters.count + 3)\" class=\"note\">\(nl ? "Niet getoond" : "Not shown"): \(why)</td></tr>")
            }
            let name = location == SupplyDemand.all ? (nl ? "Alle locaties" : "All locations") : location
            return "<section><h2>\(name)</h2><table><thead><tr><th>\(nl ? "Categorie" : "Category")</th>\(head)"
                + "<th>MASE \(nl ? "model / seizoensnaïef" : "model / seasonal naive")</th><th>\(nl ? "Vrijwilligers nodig" : "Volunteers needed")</th></tr></thead>"
                + "<tbody>\(body)</tbody></table></section>"
        }
        let note: HTML = nl
            ? "<section><p class=\"note\">Verwachte hulpvragen per kwartaal met 95%-voorspelinterval, uit een Poisson-model met trend en maandpatroon (docs/METHOD.md §14). MASE: de fout van het model in een terugblik (rolling origin) naast die van ‘dezelfde maand vorig jaar’; lager is beter. Vrijwilligers nodig: de verwachte hulpvragen van vier kwartalen maal de huidige verhouding vrijwilligers per hulpvraag (of het doel uit [forecast]); tussen haakjes de actieve vrijwilligers nu en het verschil.</p></section>"
            : "<section><p class=\"note\">Expected help requests per quarter with 95% prediction intervals, from a Poisson model with a trend and a pattern over the year (docs/METHOD.md §14). MASE: the model's error in a rolling-origin backtest beside that of ‘the same month last year’; lower is better. Volunteers needed: four quarters' expected requests times the current volunteers per request (or the [forecast] target); in brackets the volunteers active now and the difference.</p></section>"
        let page = ReportStyle.document(language: language, title: nl ? "Vraag en vrijwilligers: de komende vier kwartalen" : "Demand and volunteers: the next four quarters",
                                        kicker: "hulpatlas", subtitle: "\(quarters(rows))", body: "\(sections)" + note)
        try ReportWriter.writeText(page.markup, to: (folder as NSString).appendingPathComponent(file))
        return [file]
    }

    /// The table's reason in the page's language.
    static func reason(_ english: String, nl: Bool) -> String {
        guard nl, !english.isEmpty else { return english }
        if english.hasPrefix("its help requests of") {
            let year = english.split(separator: " ").dropFirst(4).first.map(String.init) ?? ""
            return "de hulpvragen van \(year) in deze categorie zijn verborgen in breakdowns.csv (kleine aantallen); een voorspelling zou ze verraden"
        }
        return "minder dan 24 maanden geschiedenis, of te weinig hulpvragen om het model te schatten (een maand van het jaar zonder)"
    }

    static func quarters(_ rows: [PublishedRow<ForecastTables.ForecastColumn>]) -> String {
        guard let first = rows.first?[.quarter], let last = rows.last?[.quarter] else { return "" }
        return "\(first) – \(last)"
    }
}
