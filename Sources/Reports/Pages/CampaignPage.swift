import Atlas
import Foundation

/// campaign.html: per recorded campaign its estimate in plain words, the targeted and control
/// series side by side, and how well the controls match; read only from the protected campaign
/// tables (a hidden cell shows "×"). docs/METHOD.md §13.
public enum CampaignPage {
    public static let file = "campaign.html"

    /// Writes campaign.html into `folder` when `tables` hold campaign rows; returns the files written.
    @discardableResult
    public static func write(tables: [PublishedTable], folder: String, language: ReportLanguage, threshold: Int) throws -> [String] {
        let byFile = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        guard let effects = byFile["campaign_effect.csv"], !effects.rows.isEmpty else { return [] }
        let page = CampaignPageBuilder(text: ReportText(lang: language, threshold: threshold), tables: byFile)
        try ReportWriter.writeText(page.markup().markup, to: (folder as NSString).appendingPathComponent(file))
        return [file]
    }

    /// The reasons the tables give, in the page's language.
    public static func reason(_ english: String, nl: Bool) -> String {
        guard nl else { return english }
        if english.hasPrefix("the history covers") { return "de geschiedenis is te kort rond de bezorging (minstens 3 maanden ervoor en erna nodig)" }
        if english.hasPrefix("none of the campaign's areas") { return "geen van de gebieden van de campagne heeft huishoudens en een risicopercentiel" }
        if english.hasPrefix("no area outside") { return "er is geen gebied buiten de campagnes om mee te vergelijken" }
        if english.hasPrefix("fewer than 10") { return "te weinig gebied-maanden om een schatting te publiceren" }
        if english.hasPrefix("no estimate for first-time") { return "geen schatting voor nieuwe hulpvragers" }
        if english.hasPrefix("the targeted or the control") { return "de bezorgde of de vergelijkingsgebieden hebben geen hulpvraag ervoor of erna" }
        return "het model kon niet worden geschat"
    }
}

struct CampaignPageBuilder {
    let text: ReportText
    let tables: [String: PublishedTable]

    func t(_ phrase: CampaignPhrase) -> String { text.nl ? phrase.words.nl : phrase.words.en }
    func rows<C: TableColumn>(_ file: String, _: C.Type) -> [PublishedRow<C>] { (tables[file]?.rows ?? []).map(PublishedRow<C>.init) }
    func count(_ cell: String) -> String { Int(cell).map(text.count) ?? ReportFigures.hiddenMark }
    func decimal(_ cell: String, _ decimals: Int, suppressed: Bool) -> String {
        Double(cell).map { text.decimal($0, decimals: decimals) } ?? (suppressed ? ReportFigures.hiddenMark : "–")
    }

    func markup() -> HTML {
        let effects = rows("campaign_effect.csv", CampaignTables.EffectColumn.self)
        var names: [String] = []
        for e in effects where !names.contains(e[.campaign]) { names.append(e[.campaign]) }
        let sections = names.map { name in section(name, effects.filter { $0[.campaign] == name }) }
        return ReportStyle.document(language: text.lang, title: t(.title), kicker: "hulpatlas",
                                    subtitle: "\(names.count) " + (text.nl ? "campagne(s)" : "campaign(s)"),
                                    body: "\(sections)<section><p class=\"note\">\(t(.proves))</p><p class=\"note\">\(t(.provesNot))</p>"
                                        + "<p class=\"note\">\(t(.method))</p></section>"
                                        + "<footer><p class=\"note\">\(text.hiddenLegend)</p></footer>")
    }

    func section(_ name: String, _ effects: [PublishedRow<CampaignTables.EffectColumn>]) -> HTML {
        guard let first = effects.first else { return "" }
        let head: HTML = "<section class=\"campaign\"><h2>\(name)</h2><p class=\"period\">\(t(.delivered)) \(first[.delivered]) · "
            + "\(count(first[.targeted_areas])) \(t(.areas)), \(count(first[.flyers])) \(t(.flyers)), "
            + "\(count(first[.control_areas])) \(t(.controls)) · \(t(.before)): \(first[.first_month_before]) – \(first[.last_month_before]), "
            + "\(t(.after)): \(first[.first_month_after]) – \(first[.last_month_after])</p>"
        let estimates = effects.map(estimate)
        let noFirst: HTML = effects.contains { $0[.outcome] == CampaignTables.outcomes[1] } || first[.not_evaluated_because] != ""
            ? "" : "<p class=\"note\">\(t(.noFirstTime))</p>"
        return head + "\(estimates)" + noFirst + series(name) + balance(name) + "</section>"
    }

    func estimate(_ e: PublishedRow<CampaignTables.EffectColumn>) -> HTML {
        let label = e[.outcome] == CampaignTables.outcomes[0] ? t(.helpRequests) : t(.firstTime)
        let hid = e[.suppressed] == "1"
        let totals: HTML = "<table class=\"campaign-totals\"><thead><tr><th></th><th>\(t(.before))</th><th>\(t(.after))</th></tr></thead><tbody>"
            + "<tr><th>\(t(.targeted))</th><td>\(count(e[.targeted_before]))</td><td>\(count(e[.targeted_after]))</td></tr>"
            + "<tr><th>\(t(.control))</th><td>\(count(e[.control_before]))</td><td>\(count(e[.control_after]))</td></tr></tbody></table>"
        guard e[.not_evaluated_because].isEmpty else {
            return "<h3>\(label)</h3>\(totals)<p class=\"figure\">\(t(.notEvaluated)): \(reason(e[.not_evaluated_because]))</p>"
        }
        guard !e[.rate_ratio].isEmpty || !hid else { return "<h3>\(label)</h3>\(totals)<p class=\"figure\">\(t(.hiddenEstimate))</p>" }
        return "<h3>\(label)</h3>\(totals)<p class=\"figure\">\(t(.rateRatio)): <strong>\(decimal(e[.rate_ratio], 2, suppressed: hid))</strong> "
            + "(\(t(.interval)) \(decimal(e[.rate_ratio_low], 2, suppressed: hid)) – \(decimal(e[.rate_ratio_high], 2, suppressed: hid))); "
            + "\(decimal(e[.extra_per_1000_flyers], 1, suppressed: hid)) \(t(.extraPerThousand)) "
            + "(\(decimal(e[.extra_per_1000_flyers_low], 1, suppressed: hid)) – \(decimal(e[.extra_per_1000_flyers_high], 1, suppressed: hid))); "
            + "\(t(.placebo)): p = \(decimal(e[.placebo_p], 3, suppressed: hid)) (\(count(e[.placebo_runs])) \(t(.placeboRuns))).</p>"
    }

    func reason(_ english: String) -> String { CampaignPage.reason(english, nl: text.nl) }

    func series(_ name: String) -> HTML {
        let points = rows("campaign_series.csv", CampaignTables.SeriesColumn.self).filter { $0[.campaign] == name }
        guard !points.isEmpty else { return "" }
        let body: [HTML] = points.map { p in
            "<tr><th>\(p[.first_month]) – \(p[.last_month])\(p[.period] == "after" ? " (\(t(.after)))" : "")</th><td>\(count(p[.targeted]))</td><td>\(count(p[.control]))</td></tr>"
        }
        return "<h3>\(t(.series))</h3>\(chart(points))<table class=\"campaign-series\"><thead><tr><th>\(t(.month))</th>"
            + "<th>\(t(.targeted))</th><th>\(t(.control))</th></tr></thead><tbody>\(body)</tbody></table>"
    }

    /// The two series as lines on one axis, the delivery between the last month before and the first after.
    func chart(_ points: [PublishedRow<CampaignTables.SeriesColumn>]) -> HTML {
        let w = 720.0, h = 220.0, left = 44.0, right = 36.0, bottom = 34.0, top = 12.0
        let plotW = w - left - right, plotH = h - top - bottom
        let targeted = points.map { Double($0[.targeted]) }, control = points.map { Double($0[.control]) }
        let maxValue = max(1, (targeted + control).compactMap { $0 }.max() ?? 1)
        let step = SVGCharts.niceStep(maxValue / 4), yMax = (maxValue / step).rounded(.up) * step
        let dx = plotW / Double(max(points.count - 1, 1))
        func x(_ i: Int) -> Double { left + Double(i) * dx }
        func y(_ v: Double) -> Double { top + plotH * (1 - v / yMax) }
        func f(_ v: Double) -> String { SVGCharts.number(v) }
        var parts = SVGCharts.yGrid(left: left, right: w - 8, yMax: yMax, step: step, y: y)
        for (values, colour, dash) in [(targeted, "#b5412b", ""), (control, "#3d6f8f", " stroke-dasharray=\"5 3\"")] {
            // A hidden month breaks the line: no value is drawn for it.
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    parts.append(HTML(trusted: "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"\(dash) points=\"\(run.joined(separator: " "))\"/>"))
                }
                run = []
            }
            for (i, v) in values.enumerated() {
                if let v { run.append("\(f(x(i))),\(f(y(v)))") } else { flush() }
                if let v { parts.append(HTML(trusted: "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"2.5\" fill=\"\(colour)\"/>")) }
            }
            flush()
        }
        if let lastBefore = points.lastIndex(where: { $0[.period] == "before" }), lastBefore + 1 < points.count {
            let xm = (x(lastBefore) + x(lastBefore + 1)) / 2
            parts.append("<line class=\"marker\" x1=\"\(f(xm))\" x2=\"\(f(xm))\" y1=\"\(f(top))\" y2=\"\(f(top + plotH))\"/>"
                         + "<text class=\"tick\" x=\"\(f(xm + 4))\" y=\"\(f(top + 10))\">\(t(.delivered))</text>")
        }
        for (i, p) in points.enumerated() {
            parts.append("<text class=\"tick\" x=\"\(f(x(i)))\" y=\"\(f(h - bottom + 14))\" text-anchor=\"middle\">\(p[.first_month])</text>")
        }
        parts.append("<text class=\"tick\" x=\"\(f(left))\" y=\"\(f(h - 4))\" fill=\"#b5412b\">— \(t(.targeted))</text>"
                     + "<text class=\"tick\" x=\"\(f(left + 200))\" y=\"\(f(h - 4))\" fill=\"#3d6f8f\">- - \(t(.control))</text>")
        return "<svg class=\"chart\" viewBox=\"0 0 \(Int(w)) \(Int(h))\" role=\"img\" aria-label=\"\(t(.series))\">\(parts)</svg>"
    }

    func balance(_ name: String) -> HTML {
        let items = rows("campaign_balance.csv", CampaignTables.BalanceColumn.self).filter { $0[.campaign] == name }
        guard !items.isEmpty else { return "" }
        let body: [HTML] = items.map { b in
            let label: String
            switch CampaignEvaluation.Balance.Covariate(rawValue: b[.covariate]) {
            case .riskPercentile: label = t(.riskPercentile)
            case .households: label = t(.households)
            case .requestRateBefore: label = t(.requestRate)
            case nil: label = b[.covariate]
            }
            return "<tr><th>\(label)</th><td>\(decimal(b[.targeted], 1, suppressed: true))</td><td>\(decimal(b[.control], 1, suppressed: true))</td>"
                + "<td>\(decimal(b[.standardised_difference], 2, suppressed: false))</td></tr>"
        }
        return "<h3>\(t(.balance))</h3><table class=\"campaign-balance\"><thead><tr><th>\(t(.covariate))</th><th>\(t(.targeted))</th>"
            + "<th>\(t(.control))</th><th>\(t(.standardisedDifference))</th></tr></thead><tbody>\(body)</tbody></table>"
    }
}
