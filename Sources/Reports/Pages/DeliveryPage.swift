import Atlas
import Foundation

/// delivery.html: the printable delivery lists, one section per chosen area and one block per
/// round (a volunteer's sheet: postcodes in walking order, letterboxes, metres from the last).
public enum DeliveryPage {
    public static let file = "delivery.html"

    public static func html(_ lists: [DeliveryList], roundSize: Int, language: ReportLanguage) -> String {
        let text = ReportText(lang: language, threshold: 5)
        func t(_ phrase: Phrase) -> String { text.t(phrase) }
        func km(_ metres: Double) -> String { text.decimal(metres / 1000, decimals: 1) + " km" }
        let sections: [HTML] = lists.map { list in
            let rounds: [HTML] = list.rounds.enumerated().map { r, round in
                let rows: [HTML] = round.stops.enumerated().map { s, stop in
                    let walk = s == 0 ? "–" : text.count(DeliveryRoute.length([round.stops[s - 1], stop]))
                    return "<tr><td class=\"num\">\(s + 1)</td><td>\(stop.code)</td><td class=\"num\">\(text.count(stop.letterboxes))</td><td class=\"num\">\(walk)</td></tr>"
                }
                return """
                    <div class="round"><h3>\(t(.deliveryRound(r + 1)))</h3>\
                    <p class="note">\(t(.deliveryRoundLoad(letterboxes: text.count(round.letterboxes), km: km(round.metres))))</p>\
                    <table><thead><tr><th class="num">#</th><th>Postcode</th><th class="num">\(t(.deliveryBoxes))</th>\
                    <th class="num">\(t(.deliveryWalkMetres))</th></tr></thead><tbody>\(rows)</tbody></table></div>
                    """
            }
            let place = list.municipality.map { " " + $0 } ?? ""
            let summary = t(.deliveryAreaSummary(letterboxes: text.count(list.letterboxes), flyers: text.count(list.flyers),
                                                 rounds: list.rounds.count))
            let source: Phrase
            switch list.source {
            case .pc6Areas: source = .deliverySplitOverPostcodes
            case .pc6Targets: source = .deliveryChosenPostcodes
            case .wholeArea: source = .deliveryWholeArea
            }
            return """
                <div class="delivery-area"><h2>\(list.rank). \(list.code)\(place)</h2><p>\(summary). \(t(source))</p>\
                <div class="rounds">\(rounds)</div></div>
                """
        }
        let body: HTML = """
            <p class="note">\(t(.deliveryIntro(roundSize: text.count(roundSize))))</p><section id="delivery">\(sections)</section>
            <style>.rounds{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px}\
            .round{break-inside:avoid;border:1px solid var(--line);padding:6px 8px;min-width:0}\
            .round table{width:100%;font-size:12px;table-layout:fixed;min-width:0}.round th,.round td{padding:2px 3px}\
            .round th:first-child,.round td:first-child{width:2.2em}\
            .round h3{margin:2px 0}.delivery-area{break-before:page}.delivery-area:first-child{break-before:auto}</style>
            """
        let subtitle = t(.deliverySubtitle(letterboxes: text.count(lists.reduce(0) { $0 + $1.letterboxes }), areas: lists.count,
                                           rounds: lists.reduce(0) { $0 + $1.rounds.count }))
        return ReportStyle.document(language: language, title: t(.deliveryListsTitle), kicker: "hulpatlas",
                                    subtitle: "\(subtitle)", body: body).markup
    }

    public static func write(_ lists: [DeliveryList], roundSize: Int, language: ReportLanguage, folder: String) throws {
        try OutputFile.write(Data(html(lists, roundSize: roundSize, language: language).utf8),
                             to: (folder as NSString).appendingPathComponent(file))
    }
}
