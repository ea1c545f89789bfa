import Atlas
import Foundation

/// index.html of a run folder: every report and every file, with what it holds.
public enum IndexPage {
    /// What each output file holds (English and Dutch), in the order shown.
    static let descriptions: [(file: String, nl: String, en: String)] = [
        ("targets.csv", "Flyergebieden: gekozen gebieden, flyers, verwacht aantal huishoudens met risico", "Flyer targets: chosen areas, flyers, expected households at risk"),
        ("areas.csv", "Alle gebieden met risico-indexen en bereik", "Every area with its risk indices and reach"),
        ("atlas.gpkg", "GeoPackage voor QGIS (lagen areas en targets, met kaartstijl)", "GeoPackage for QGIS (layers areas and targets, styled)"),
        ("supply_demand.csv", "Vraag en aanbod per locatie, kwartaal en categorie", "Supply and demand per location, quarter and category"),
        ("distances.csv", "Reisafstanden van vrijwilligers per groep", "Volunteer travel distances per group"),
        ("distance_histogram.csv", "Verdeling van de reisafstanden (500 m)", "Distribution of travel distances (500 m bins)"),
        ("monthly.csv", "Verzoeken per locatie en maand, met trend", "Requests per location and month, with trend"),
        ("trend.csv", "Trendlijn per locatie", "Trend line per location"),
        ("breakdowns.csv", "Verdeling naar soort, categorie, aanvrager, uitkomst, organisatie", "Shares by kind, category, requester, outcome, organisation"),
        ("index_summary.csv", "Samenvatting van de indexen (stabiliteit, clustering)", "Index summary (stability, clustering)"),
        ("index_components.csv", "Onderdelen van de indexen per gebied", "Index components per area"),
        ("hulpatlas.xlsx", "Alle tabellen hierboven als werkbladen van één Excel-bestand", "Every table above as sheets of one Excel workbook"),
        ("columns.csv", "Wat elke kolom betekent (eenheid, beschrijving)", "What every column means (unit, description)"),
        ("report_figures.csv", "Elk getal uit de rapporten", "Every number in the reports"),
        ("rejected.csv", "Afgewezen invoerregels met reden", "Rejected input rows with the reason"),
    ]

    public static func write(folder: String, title: String, reports: [ReportWriter.Written], language: ReportLanguage) throws {
        let text = ReportText(lang: language, threshold: 5)
        let t = text.t
        let quarters = Array(Set(reports.map(\.quarter))).sorted(by: >)
        let locations = Array(Set(reports.map(\.location))).sorted()
        let byKey = Dictionary(uniqueKeysWithValues: reports.map { ("\($0.location)|\($0.quarter)", $0.file) })
        let head: [HTML] = locations.map { "<th>\($0 == .all ? t("alle locaties", "all locations") : $0.label)</th>" }
        let rows: [HTML] = quarters.map { q in
            let cells: [HTML] = locations.map { loc in
                guard let file = byKey["\(loc)|\(q)"] else { return "<td>–</td>" }
                return "<td><a href=\"\(file)\">\(t("rapport", "report"))</a></td>"
            }
            return "<tr><th>\(text.quarter(q))</th>\(cells)</tr>"
        }
        let manager = FileManager.default
        let files: [HTML] = descriptions.compactMap { entry in
            let path = (folder as NSString).appendingPathComponent(entry.file)
            guard let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
            return "<tr><th><a href=\"\(entry.file)\">\(entry.file)</a></th><td style=\"text-align:left\">\(language == .nl ? entry.nl : entry.en)</td><td>\(text.decimal(Double(size) / 1024, decimals: 0)) kB</td></tr>"
        }
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · hulpatlas</title><style>\(HTML(trusted: ReportStyle.css))</style></head>
            <body><main><header><p class="kicker">hulpatlas</p><h1>\(title)</h1>
            <p class="period">\(t("Alle rapporten en bestanden van deze run. De CSV-bestanden zijn UTF-8 met komma als scheidingsteken; de kolommen staan in de README van hulpatlas.", "Every report and file of this run. CSV files are UTF-8, comma-separated; the README of hulpatlas documents every column."))</p></header>
            <section><h2>\(t("Kwartaalrapporten", "Quarterly reports"))</h2>
            <table><thead><tr><th>\(t("kwartaal", "quarter"))</th>\(head)</tr></thead><tbody>\(rows)</tbody></table></section>
            <section><h2>\(t("Bestanden", "Files"))</h2><table><tbody>\(files)</tbody></table>
            <p class="note">\(t("Niet delen: hulpatlas.sqlite (de opslag) bevat persoonsgegevens uit de hulpvragen. De bestanden hierboven tonen geen aantallen onder de drempel, geen 6-cijferige postcodes en geen namen of ids.", "Do not share hulpatlas.sqlite (the store): it holds personal data from the requests. The files above show no counts below the threshold, no 6-character postcodes and no names or ids."))</p></section>
            </main></body></html>

            """
        try ReportWriter.writeText(page.markup, to: (folder as NSString).appendingPathComponent("index.html"))
    }
}
