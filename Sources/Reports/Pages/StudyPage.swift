import Atlas
import Foundation

/// study.html: every figure of the study period, read only from the protected study tables
/// (a hidden cell shows "×"), with an inline SVG chart beside each table; and one page per
/// church for its contact person (church-<name>.html). docs/METHOD.md §12.
public enum StudyPage {
    /// Writes study.html and the church pages into `folder`; returns the files written.
    @discardableResult
    public static func write(tables: [PublishedTable], folder: String, language: ReportLanguage,
                             threshold: Int) throws -> [String] {
        let byFile = Dictionary(tables.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        guard let summary = byFile["study_summary.csv"]?.rows.first.map(PublishedRow<StudyTables.SummaryColumn>.init) else {
            return []
        }
        let text = ReportText(lang: language, threshold: threshold)
        let page = StudyPageBuilder(text: text, summary: summary, tables: byFile)
        var files = ["study.html"]
        try ReportWriter.writeText(page.studyPage().markup, to: (folder as NSString).appendingPathComponent("study.html"))
        for (church, rows) in page.churches() {
            let file = "church-\(QuarterReport.slug(church)).html"
            try ReportWriter.writeText(page.churchPage(church, rows).markup, to: (folder as NSString).appendingPathComponent(file))
            files.append(file)
        }
        return files
    }
}

/// The study page's sections, from the tables' cells.
struct StudyPageBuilder {
    let text: ReportText
    let summary: PublishedRow<StudyTables.SummaryColumn>
    let tables: [String: PublishedTable]

    func t(_ phrase: StudyPhrase) -> String { text.nl ? phrase.words.nl : phrase.words.en }

    func rows<C: TableColumn>(_ file: String, _: C.Type) -> [PublishedRow<C>] {
        (tables[file]?.rows ?? []).map(PublishedRow<C>.init)
    }

    /// A count cell as the page shows it: grouped digits, or "×" when hidden.
    func count(_ cell: String) -> String { Int(cell).map(text.count) ?? ReportFigures.hiddenMark }
    /// An empty statistic is "×" when its row hid something (the rule of `ReportFigures`), else
    /// "–": no value (a rate without decided requests, a median without matches).
    func missing(_ suppressed: Bool) -> String { suppressed ? ReportFigures.hiddenMark : "–" }
    func percent(_ cell: String, decimals: Int = 1, suppressed: Bool) -> String {
        Double(cell).map { text.percent($0, decimals: decimals) } ?? missing(suppressed)
    }
    /// A share as a bar of percent, its tooltip the share as the table shows it.
    func shareBar(_ label: String, _ cell: String, decimals: Int = 1, suppressed: Bool) -> SVGCharts.Bar {
        SVGCharts.Bar(label: label, value: Double(cell).map { $0 * 100 }, hiddenText: missing(suppressed),
                      shown: percent(cell, decimals: decimals, suppressed: suppressed))
    }

    func decimal(_ cell: String, decimals: Int, suppressed: Bool) -> String {
        Double(cell).map { text.decimal($0, decimals: decimals) } ?? missing(suppressed)
    }

    var location: String {
        summary[.location] == Vocabulary.reservedLocation ? t(.allLocations) : summary[.location]
    }
    var period: String { "\(summary[.from]) – \(summary[.to])" }

    func value(_ dimension: String, _ raw: String) -> String {
        if raw == Study.unknown { return t(.unknown) }
        switch dimension {
        case "requester_type": return text.requesterType(raw)
        case "requester_gender": return raw == "vrouw" ? t(.women) : raw == "man" ? t(.men) : t(.otherGender)
        case "requester_age_band": return raw + " " + t(.years)
        case "referral_kind": return raw == "informeel" ? t(.informal) : raw == "formeel" ? t(.formal) : t(.otherKind)
        case "category": return Category(rawValue: raw).map(text.category) ?? raw
        default: return raw
        }
    }

    func page(title: String, body: HTML) -> HTML {
        ReportStyle.document(language: text.lang, title: title, kicker: "hulpatlas", subtitle: "\(location) · \(period)",
                             body: body + "<footer><p class=\"note\">\(text.hiddenLegend)</p></footer>")
    }

    // MARK: study.html

    func studyPage() -> HTML {
        page(title: t(.studyTitle), body: totals() + categories() + monthly() + breakdown("requester_type", .whoSubmits)
             + breakdown("requester_gender", .gender) + breakdown("requester_age_band", .ageBand)
             + breakdown("organisation", .organisations) + breakdown("referral_kind", .referrals) + subcategories()
             + churchLinks())
    }

    func totals() -> HTML {
        let all = rows("study_outcomes.csv", StudyTables.OutcomeColumn.self).first { $0[.grouping] == "all" }
        let rate: HTML = all.map { a in
            let hid = a[.suppressed] == "1"
            return "<p class=\"figure\" id=\"study-match-rate\">\(t(.matchRate)): <strong>\(percent(a[.match_rate], suppressed: hid))</strong> "
                + "(95%-\(t(.interval)) \(percent(a[.match_rate_low], suppressed: hid)) – \(percent(a[.match_rate_high], suppressed: hid))), "
                + "\(count(a[.matched])) \(t(.matched)), \(count(a[.not_matched])) \(t(.notMatched)), \(count(a[.open])) \(t(.open)).</p>"
        } ?? ""
        return """
            <section><h2>\(t(.totals))</h2>
            <table id="study-totals"><tbody>
            <tr><th>\(t(.questions))</th><td>\(count(summary[.questions]))</td></tr>
            <tr><th>\(t(.infoRequests))</th><td>\(count(summary[.info_requests]))</td></tr>
            <tr><th>\(t(.helpRequests))</th><td>\(count(summary[.help_requests]))</td></tr>
            <tr><th>\(t(.referred))</th><td>\(count(summary[.referred]))</td></tr>
            </tbody></table>\(rate)<p class="note">\(t(.outcomeRule))</p></section>
            """
    }

    func categories() -> HTML {
        let cats = rows("study_outcomes.csv", StudyTables.OutcomeColumn.self).filter { $0[.grouping] == "category" }
        let body: [HTML] = cats.map { r in
            "<tr><th>\(value("category", r[.group]))</th><td>\(count(r[.requests]))</td><td>\(percent(r[.share], suppressed: r[.suppressed] == "1"))</td>"
                + "<td>\(percent(r[.match_rate], suppressed: r[.suppressed] == "1"))</td></tr>"
        }
        let bars = cats.map { shareBar(value("category", $0[.group]), $0[.share], suppressed: $0[.suppressed] == "1") }
        return """
            <section><h2>\(t(.categoryMix))</h2>
            <table id="study-categories"><thead><tr><th></th><th>\(t(.helpRequests))</th><th>\(t(.share))</th><th>\(t(.matchRate))</th></tr></thead>
            <tbody>\(body)</tbody></table>
            \(SVGCharts.bars(id: "chart-categories", title: t(.categoryMix), bars: bars, yLabel: "%"))</section>
            """
    }

    func monthly() -> HTML {
        let months = rows("study_monthly.csv", StudyTables.MonthColumn.self)
        let trend = rows("study_trend.csv", StudyTables.TrendColumn.self).first
        let bars = months.map { SVGCharts.Bar(label: text.month($0[.month]), value: Double($0[.total])) }
        let line = months.map { Double($0[.trend_total]) }
        let body: [HTML] = months.map { m in
            "<tr><th>\(text.month(m[.month]))\(m[.partial] == "1" ? " *" : "")</th><td>\(count(m[.info_requests]))</td>"
                + "<td>\(count(m[.help_requests]))</td><td>\(count(m[.total]))</td></tr>"
        }
        let slope: HTML = trend.map { tr in
            tr[.slope_per_month].isEmpty ? "<p class=\"note\">\(t(.trendWithheld))</p>"
                : "<p class=\"figure\" id=\"study-trend\">\(t(.trend)): \(decimal(tr[.slope_per_month], decimals: 2, suppressed: true)) \(t(.perMonth)) "
                    + "(95%-\(t(.interval)) \(decimal(tr[.slope_low], decimals: 2, suppressed: true)) – \(decimal(tr[.slope_high], decimals: 2, suppressed: true)); "
                    + "\(tr[.months_fitted]) \(t(.wholeMonths)))</p>"
        } ?? "<p class=\"note\">\(t(.trendWithheld))</p>"
        return """
            <section><h2>\(t(.questionsPerMonth))</h2>
            \(SVGCharts.bars(id: "chart-monthly", title: t(.questionsPerMonth), bars: bars, line: line,
                             labelEvery: max(1, months.count / 12), yLabel: t(.questions)))
            \(slope)<p class="note">\(t(.partialMonths))</p>
            <table id="study-monthly"><thead><tr><th></th><th>\(t(.infoRequests))</th><th>\(t(.helpRequests))</th><th>\(t(.total))</th></tr></thead>
            <tbody>\(body)</tbody></table></section>
            """
    }

    /// Referral kinds are few: their shares in whole percents, as the study gives them.
    func breakdown(_ dimension: String, _ heading: StudyPhrase) -> HTML {
        let decimals = dimension == "referral_kind" ? 0 : 1
        let all = rows("study_breakdowns.csv", StudyTables.BreakdownColumn.self).filter { $0[.dimension] == dimension }
        guard !all.isEmpty else { return "" }
        let periods = all.map { $0[.period] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let values = all.filter { $0[.period] == Study.periodLabel }.map { $0[.value] }
        let head: [HTML] = periods.map { "<th>\($0 == Study.periodLabel ? t(.wholePeriod) : $0)</th>" }
        let body: [HTML] = values.map { v in
            let cells: [HTML] = periods.map { p in
                guard let r = all.first(where: { $0[.period] == p && $0[.value] == v }) else { return "<td>–</td>" }
                if v == Study.unknown || r[.count].isEmpty { return "<td>\(count(r[.count]))</td>" }
                return "<td>\(percent(r[.share], decimals: decimals, suppressed: r[.suppressed] == "1")) <span class=\"n\">(n = \(count(r[.count])))</span></td>"
            }
            return "<tr><th>\(value(dimension, v))</th>\(cells)</tr>"
        }
        let known = all.first { $0[.period] == Study.periodLabel }.map { count($0[.known]) } ?? ""
        // The history does not record it: one sentence, no empty table or chart.
        if values == [Study.unknown] {
            return "<section><h2>\(t(heading))</h2><p class=\"note\" id=\"study-\(dimension)\">\(t(.notRecorded)) (\(dimension)).</p></section>"
        }
        let bars = all.filter { $0[.period] == Study.periodLabel && $0[.value] != Study.unknown }.map {
            shareBar(value(dimension, $0[.value]), $0[.share], decimals: decimals, suppressed: $0[.suppressed] == "1")
        }
        return """
            <section><h2>\(t(heading))</h2>
            <table id="study-\(dimension)"><thead><tr><th></th>\(head)</tr></thead><tbody>\(body)</tbody></table>
            <p class="note">\(t(.sharesOfKnown)) (n = \(known)).</p>
            \(SVGCharts.bars(id: "chart-\(dimension)", title: t(heading), bars: bars, yLabel: "%"))</section>
            """
    }

    func subcategories() -> HTML {
        let subs = rows("study_outcomes.csv", StudyTables.OutcomeColumn.self).filter { $0[.grouping] == "subcategory" }
        guard !subs.isEmpty else { return "" }
        let body: [HTML] = subs.map { r in
            "<tr><th>\(r[.group].replacingOccurrences(of: "_", with: " "))</th><td>\(count(r[.requests]))</td>"
                + "<td>\(percent(r[.match_rate], suppressed: r[.suppressed] == "1"))</td>"
                + "<td>\(decimal(r[.median_days_to_match], decimals: 1, suppressed: r[.suppressed] == "1"))</td></tr>"
        }
        let bars = subs.map { r in
            SVGCharts.Bar(label: r[.group], value: Double(r[.median_days_to_match]),
                          hiddenText: missing(r[.suppressed] == "1"),
                          shown: "\(decimal(r[.median_days_to_match], decimals: 1, suppressed: r[.suppressed] == "1")) \(t(.days))")
        }
        return """
            <section><h2>\(t(.speedBySubcategory))</h2>
            <table id="study-subcategories"><thead><tr><th></th><th>\(t(.helpRequests))</th><th>\(t(.matchRate))</th><th>\(t(.medianDays))</th></tr></thead>
            <tbody>\(body)</tbody></table><p class="note">\(t(.subcategoryRule))</p>
            \(SVGCharts.bars(id: "chart-subcategories", title: t(.speedBySubcategory), bars: bars, yLabel: t(.days)))</section>
            """
    }

    // MARK: churches

    func churches() -> [(String, [PublishedRow<StudyTables.ChurchColumn>])] {
        let all = rows("church_overview.csv", StudyTables.ChurchColumn.self)
        let names = all.map { $0[.church] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return names.map { name in (name, all.filter { $0[.church] == name }) }
    }

    func churchLinks() -> HTML {
        let list = churches()
        guard !list.isEmpty else { return "" }
        let items: [HTML] = list.map { name, _ in "<li><a href=\"church-\(QuarterReport.slug(name)).html\">\(name)</a></li>" }
        return "<section><h2>\(t(.churchOverviews))</h2><ul>\(items)</ul></section>"
    }

    func churchPage(_ church: String, _ rows: [PublishedRow<StudyTables.ChurchColumn>]) -> HTML {
        let total = rows.first { $0[.category] == "all" }
        let body: [HTML] = rows.filter { $0[.category] != "all" }.map { r in
            "<tr><th>\(value("category", r[.category]))</th><td>\(count(r[.answered]))</td></tr>"
        }
        return page(title: "\(t(.churchTitle)): \(church)", body: """
            <section><h2>\(t(.helpGiven))</h2>
            <p class="figure" id="church-answered">\(t(.answeredByVolunteers)): <strong>\(count(total?[.answered] ?? ""))</strong>;
            \(t(.activeVolunteers)): \(count(total?[.volunteers] ?? "")).</p>
            <table id="church-categories"><thead><tr><th></th><th>\(t(.answered))</th></tr></thead><tbody>\(body)</tbody></table>
            <p class="note">\(t(.churchNote))</p></section>
            """)
    }
}
