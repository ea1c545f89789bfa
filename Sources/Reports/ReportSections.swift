import Atlas
import Foundation
import Geo

/// The sections of one quarterly report page. Counts come from the same analyses and the
/// same suppression as the shared CSV tables.
struct ReportSections {
    let report: QuarterReport
    let data: ReportData
    let text: ReportText
    let figures: ReportFigures

    /// The location's (or all) requests and volunteers, with the location renamed to one label
    /// so that the analyses see one group.
    let scoped: [HelpRequest]
    let scopedHelpers: [Helper]
    static let scopeLabel = "\u{1}scope"
    let bounds: (first: Day, last: Day)
    /// supply_demand.csv's rows of this scope, computed once (the glance and the supply section use them).
    private(set) var supply: [SupplyKey: [String: String]] = [:]
    var messages: [HTML] = []

    init(report: QuarterReport, data: ReportData, text: ReportText, figures: ReportFigures) {
        self.report = report
        self.data = data
        self.text = text
        self.figures = figures
        let all = report.location == QuarterReport.allLocations
        scoped = data.requests.filter { all || $0.location == report.location }.map {
            var r = $0
            r.location = ReportSections.scopeLabel
            return r
        }
        scopedHelpers = data.helpers.filter { all || $0.location == report.location }.map {
            var h = $0
            h.location = ReportSections.scopeLabel
            return h
        }
        bounds = Day.quarterBounds(report.quarter)
        supply = supplyRows()
    }

    var t: (String, String) -> String { text.t }
    var title: String {
        let name = report.location == QuarterReport.allLocations ? t("Alle locaties", "All locations") : report.location
        return "\(name) — \(text.quarter(report.quarterLabel))"
    }

    // MARK: page

    mutating func page() -> HTML {
        let glance = glanceSection()
        let maps = mapSection()
        let distance = distanceSection()
        let supply = supplySection()
        let monthly = monthlySection()
        let breakdowns = breakdownSection()
        let reach = reachSection()
        let targets = targetSection()
        let method = methodSection()
        let keyPoints: [HTML] = messages.map { "<li>\($0)</li>" }
        return """
            <!DOCTYPE html>
            <html lang="\(text.lang.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · hulpatlas</title>
            <style>\(HTML(trusted: ReportStyle.css))</style></head>
            <body><main>
            <header><p class="kicker">hulpatlas · \(t("kwartaalrapportage", "quarterly report"))</p><h1>\(title)</h1>
            <p class="period">\(t("Periode", "Period")): \(bounds.first.description) – \(bounds.last.description). \
            \(t("Aantallen onder", "Counts below")) \(data.suppression.threshold) \(t("staan als", "are shown as")) \
            “\(text.hidden)”; “\(ReportFigures.protectedMark)” \(t("is verborgen zodat een klein aantal niet uit andere getallen is af te leiden.", "is hidden so that a small count cannot be worked out from other numbers."))</p></header>
            <section class="keypoints"><h2>\(t("In het kort", "Key points"))</h2><ul>\(keyPoints)</ul></section>
            \(glance)\(maps)\(distance)\(supply)\(monthly)\(breakdowns)\(reach)\(targets)\(method)
            </main></body></html>

            """
    }

    // MARK: the quarter at a glance

    struct QuarterCounts {
        var help = 0, info = 0, matched = 0, notMatched = 0, open = 0
    }

    func counts(_ q: Int) -> QuarterCounts? {
        let b = Day.quarterBounds(q)
        var c = QuarterCounts()
        var any = false
        for r in scoped where r.createdAt >= b.first && r.createdAt <= b.last {
            any = true
            guard r.kind == .hulpvraag else { c.info += 1; continue }
            c.help += 1
            switch data.rule.outcome(of: r.status) {
            case .matched: c.matched += 1
            case .notMatched: c.notMatched += 1
            case .open: c.open += 1
            }
        }
        return any ? c : nil
    }

    mutating func glanceSection() -> HTML {
        let quarters = [report.quarter, report.quarter - 1, report.quarter - 4]
        let heads: [HTML] = quarters.enumerated().map { i, q in
            let what = [t("dit kwartaal", "this quarter"), t("vorig kwartaal", "previous quarter"),
                        t("jaar eerder", "a year earlier")][i]
            return "<th>\(text.quarter(Day.quarterLabel(q)))<br><small>\(what)</small></th>"
        }
        let s = data.suppression
        var rows: [(String, [HTML])] = []
        let measures = [("help_requests", t("Hulpvragen", "Help requests")), ("matched", t("Gematcht", "Matched")),
                        ("not_matched", t("Niet gematcht", "Not matched")), ("open", t("Nog lopend", "Still open")),
                        ("match_rate", t("Matchpercentage", "Match rate")),
                        ("info_requests", t("Informatievragen", "Information questions"))]
        var cells: [String: [HTML]] = [:]
        for q in quarters {
            let group = Day.quarterLabel(q)
            guard let c = counts(q) else {
                for (m, _) in measures { cells[m, default: []].append("–") }
                continue
            }
            let helpHidden = s.hides(c.help)
            let parts = helpHidden ? [true, true, true] : s.protect([c.matched, c.notMatched, c.open])
            func count(_ m: String, _ n: Int, _ hidden: Bool) -> HTML {
                figures.count("glance", group, m, csv: hidden ? "" : String(n), suppressed: hidden, raw: n)
            }
            cells["help_requests", default: []].append(count("help_requests", c.help, helpHidden))
            cells["matched", default: []].append(count("matched", c.matched, parts[0]))
            cells["not_matched", default: []].append(count("not_matched", c.notMatched, parts[1]))
            cells["open", default: []].append(count("open", c.open, parts[2]))
            let decided = c.matched + c.notMatched
            let rateHidden = parts[0] || parts[1] || !s.allowsStatistic(over: decided)
            let rate = decided > 0 && !rateHidden ? Format.fixed(Double(c.matched) / Double(decided), decimals: 4) : ""
            cells["match_rate", default: []].append(figures.share("glance", group, "match_rate", csv: rate,
                                                                  suppressed: rateHidden && decided > 0))
            cells["info_requests", default: []].append(count("info_requests", c.info, s.hides(c.info)))
        }
        for (m, label) in measures { rows.append((label, cells[m] ?? [])) }
        let body: [HTML] = rows.map { label, cs in "<tr><th>\(label)</th>\(cs.map { "<td>\($0)</td>" as HTML })</tr>" }

        // Per category, from the supply/demand analysis (as in supply_demand.csv).
        var categoryRows: [HTML] = []
        for category in Category.allCases {
            var cs: [HTML] = []
            for q in quarters {
                if let r = supply[SupplyKey(quarter: Day.quarterLabel(q), category: category.rawValue)] {
                    let group = "\(Day.quarterLabel(q))|\(category.rawValue)"
                    cs.append("<td>\(figures.count("supply_demand", group, "requests", csv: r["requests"]!, suppressed: r["requests"]!.isEmpty && r["suppressed"] == "1", raw: Int(r["_requests"]!)))"
                              + " <small>(\(figures.share("supply_demand", group, "match_rate", csv: r["match_rate"]!, suppressed: r["match_rate"]!.isEmpty && r["suppressed"] == "1")))</small></td>")
                } else {
                    cs.append("<td>–</td>")
                }
            }
            categoryRows.append("<tr><th>\(text.category(category))</th>\(cs)</tr>")
        }

        if let now = counts(report.quarter) {
            let previous = counts(report.quarter - 1)
            var m: HTML = "\(t("Dit kwartaal", "This quarter")): \(figures.count("glance", report.quarterLabel, "help_requests", csv: s.hides(now.help) ? "" : String(now.help), suppressed: s.hides(now.help), raw: now.help)) \(t("hulpvragen", "help requests"))"
            let decided = now.matched + now.notMatched
            if s.allowsStatistic(over: decided), !s.hides(now.help) {
                m += ", \(text.percent(Double(now.matched) / Double(decided))) \(t("gematcht", "matched"))"
                if let p = previous, s.allowsStatistic(over: p.matched + p.notMatched), p.matched + p.notMatched > 0 {
                    m += " (\(t("vorig kwartaal", "previous quarter")) \(text.percent(Double(p.matched) / Double(p.matched + p.notMatched))))"
                }
            }
            messages.append(m + ".")
        } else {
            messages.append("\(t("Geen verzoeken in dit kwartaal.", "No requests in this quarter."))")
        }

        return """
            <section id="glance"><h2>\(t("Het kwartaal in één oogopslag", "The quarter at a glance"))</h2>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(body)</tbody></table>
            <h3>\(t("Hulpvragen per categorie (matchpercentage)", "Help requests per category (match rate)"))</h3>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(categoryRows)</tbody></table>
            <p class="note">\(t("Gematcht = match of doorverwezen; niet gematcht = geen match, afgewezen of ingetrokken; lopende verzoeken tellen niet mee in het matchpercentage.", "Matched = match or referred; not matched = no match, declined or withdrawn; open requests are left out of the match rate."))</p>
            </section>

            """
    }

    struct SupplyKey: Hashable { var quarter: String; var category: String }

    /// supply_demand.csv's rows of this scope (categories of a quarter protected together).
    func supplyRows() -> [SupplyKey: [String: String]] {
        let raw = SupplyDemand.compute(scoped, helpers: scopedHelpers, rule: data.rule)
        var out: [SupplyKey: [String: String]] = [:]
        for (row, cell) in zip(SupplyDemandTable.rows(raw, suppression: data.suppression), raw) {
            var r = record(SupplyDemandTable.header, row)
            r["_requests"] = String(cell.requests)
            out[SupplyKey(quarter: r["period"]!, category: r["category"]!)] = r
        }
        return out
    }

    // MARK: maps

    /// The areas on this report's map: the municipalities where the location's requesters and
    /// volunteers live (all areas for all locations, or when that gives none).
    func mapAreas() -> [AreaRecord] {
        guard report.location != QuarterReport.allLocations else { return data.areas }
        let byCode = Dictionary(uniqueKeysWithValues: data.areas.map { ($0.code, $0) })
        var municipalities = Set<String>()
        let postcodes = scoped.compactMap(\.requesterPostcode) + scopedHelpers.compactMap(\.postcode)
        for p in postcodes {
            if let a = byCode[p.code] ?? byCode[p.pc4], let m = a.municipality { municipalities.insert(m) }
        }
        let chosen = data.areas.filter { $0.municipality.map(municipalities.contains) ?? false }
        return chosen.isEmpty ? data.areas : chosen
    }

    var volunteerDistance: Double { data.plan?.volunteerDistance ?? 3000 }

    mutating func mapSection() -> HTML {
        let areas = mapAreas()
        let rawRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: 0) }
        let frame = SVGMap(extentOf: rawRings.flatMap { $0 })
        let rings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: frame.tolerance) }
        let targets = Dictionary(uniqueKeysWithValues: (data.plan?.plan.targets ?? []).map { ($0.code, $0.rank) })

        // Catchment: within the volunteer distance of a volunteer active at the end of the quarter (PC4 points).
        var seen = Set<String>()
        let points = scopedHelpers.filter { $0.isActive(from: bounds.last, to: bounds.last) }
            .compactMap { data.pc4Locator.place($0.postcode) }.filter { seen.insert($0.area).inserted }
        let circles = points.compactMap { Geometry.point(x: $0.x, y: $0.y).buffered(volunteerDistance, segments: 12) }
        let catchment = Geometry.union(circles)?.simplified(tolerance: frame.tolerance)?.rings()
        let km = text.decimal(volunteerDistance / 1000, decimals: volunteerDistance.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1)
        let catchmentLabel = t("binnen \(km) km van een actieve vrijwilliger", "within \(km) km of an active volunteer")

        let legend: [(color: String, label: String)] = (0..<5).map {
            (SVGMap.classColors[$0], t("percentiel", "percentile") + " \($0 * 20)–\($0 * 20 + 20)")
        } + [(SVGMap.notRankedColor, t("niet gerangschikt", "not ranked"))]
        var maps: [HTML] = []
        for index in ["debt", "loneliness"] {
            let mapped: [SVGMap.Area] = areas.enumerated().map { i, a in
                let s = data.scores[a.code]?[index]
                var lines = ["\(a.code)\(a.municipality.map { " · \($0)" } ?? "")"]
                if let p = s?.percentile {
                    lines.append("\(text.index(index)): \(t("percentiel", "percentile")) \(Int(p.rounded()))")
                } else {
                    lines.append("\(text.index(index)): \(t("niet gerangschikt", "not ranked"))"
                                 + (s?.notRankedReason.map { " (\($0))" } ?? ""))
                }
                if let h = a.households { lines.append("\(t("huishoudens", "households")): \(text.count(h))") }
                if let rank = targets[a.code] { lines.append("\(t("flyergebied", "flyer area")) #\(rank)") }
                return SVGMap.Area(code: a.code, rings: rings[i], fill: SVGMap.color(percentile: s?.percentile),
                                   title: lines.joined(separator: "\n"), outlined: targets[a.code] != nil)
            }
            maps.append("<div><h3>\(text.index(index))</h3>"
                        + frame.render(id: "map-\(index)", label: text.index(index), areas: mapped, catchment: catchment,
                                       legend: legend, catchmentLabel: catchmentLabel,
                                       targetLabel: t("gekozen flyergebied", "chosen flyer area")) + "</div>")
        }
        return """
            <section id="maps"><h2>\(t("Risicokaarten", "Risk maps"))</h2>
            <p>\(t("Kleur: de rangorde van het gebied op de index (percentiel, 100 = hoogste risico) binnen de \(data.areas.count) gebieden. Omlijnd: gekozen flyergebieden. Gestreept: binnen \(km) km van een actieve vrijwilliger aan het eind van het kwartaal. Beweeg over een gebied voor de details.", "Colour: the area's rank on the index (percentile, 100 = highest risk) among the \(data.areas.count) areas. Outlined: chosen flyer areas. Dashed: within \(km) km of a volunteer active at the end of the quarter. Hover over an area for details."))</p>
            <div class="maps" data-areas="\(areas.count)">\(maps)</div></section>

            """
    }

    // MARK: distance

    mutating func distanceSection() -> HTML {
        let from = Day.quarterBounds(report.quarter - 3).first
        let recent = scoped.filter { $0.createdAt >= from && $0.createdAt <= bounds.last }
        let result = DistanceAnalysis.compute(recent, locator: data.locator, rule: data.rule)
        let summaries = result.summaries.filter { $0.grouping == "all" || $0.grouping == "category" }
        let rows = zip(DistancesTable.rows(summaries, suppression: data.suppression), summaries).map { row, summary in
            record(DistancesTable.header, row).merging(["_matches": String(summary.matches)]) { a, _ in a }
        }
        var tableRows: [HTML] = []
        for r in rows {
            let group = r["grouping"] == "all" ? "all" : r["group"]!
            let name = group == "all" ? t("alle matches", "all matches") : Category(rawValue: group).map(text.category) ?? group
            let hid = r["suppressed"] == "1"
            tableRows.append("""
                <tr><th>\(name)</th><td>\(figures.count("distance", group, "matches", csv: r["matches"]!, suppressed: hid && r["matches"]!.isEmpty, raw: Int(r["_matches"]!)))</td>\
                <td>\(figures.metres("distance", group, "median_m", csv: r["median_m"]!, suppressed: hid && r["median_m"]!.isEmpty))</td>\
                <td>\(figures.share("distance", group, "share_within_3km", csv: r["share_within_3km"]!, suppressed: hid && r["share_within_3km"]!.isEmpty))</td></tr>
                """)
        }
        let all = summaries.first { $0.grouping == "all" }
        let histogram = DistancesTable.histogramRows(all.map { [$0] } ?? [], suppression: data.suppression)
            .map { record(DistancesTable.histogramHeader, $0) }
        let counts = all?.histogram ?? []
        let bars = histogram.enumerated().map { i, r -> SVGCharts.Bar in
            let from = Double(i) * DistanceAnalysis.binWidth / 1000
            return SVGCharts.Bar(label: i == DistanceAnalysis.binCount - 1 ? "≥10" : text.decimal(from, decimals: from == from.rounded() ? 0 : 1),
                                 value: Double(r["matches"]!), hiddenText: hiddenText(counts[i]))
        }
        let chart = SVGCharts.bars(id: "distance-histogram", title: t("Afstand tussen hulpvrager en vrijwilliger", "Distance between requester and volunteer"),
                                   bars: bars, labelEvery: 2, yLabel: t("matches", "matches"),
                                   marker: (x: 6, label: "3 km"))
        if let share = all?.within3km, let all, data.suppression.allowsStatistic(over: all.matches) {
            let met = share >= 0.75
            messages.append("\(text.percent(share)) \(t("van de matches binnen 3 km (doel 75%)", "of matches within 3 km (goal 75%)")): \(met ? t("doel gehaald", "goal met") : t("doel niet gehaald", "goal not met")).")
        }
        return """
            <section id="distance"><h2>\(t("Hoe ver reizen vrijwilligers?", "How far do volunteers travel?"))</h2>
            <p>\(t("Afstand in rechte lijn tussen het postcodepunt van hulpvrager en vrijwilliger, voor gematchte hulpvragen van", "Straight-line distance between the postcode points of requester and volunteer, for matched help requests from")) \
            \(text.quarter(Day.quarterLabel(report.quarter - 3))) \(t("tot en met", "to")) \(text.quarter(report.quarterLabel)). \
            \(t("Doel: 75% binnen 3 km.", "Goal: 75% within 3 km."))</p>
            \(chart)
            <p class="axis-note">\(t("kilometer (balken van 500 m)", "kilometres (500 m bins)"))</p>
            <table><thead><tr><th></th><th>\(t("matches", "matches"))</th><th>\(t("mediaan", "median"))</th><th>\(t("binnen 3 km", "within 3 km"))</th></tr></thead>
            <tbody>\(tableRows)</tbody></table></section>

            """
    }

    /// "<5" for a small count, "×" for one hidden to protect another.
    func hiddenText(_ count: Int) -> String { count < data.suppression.threshold ? text.hidden : ReportFigures.protectedMark }

    // MARK: supply and demand

    mutating func supplySection() -> HTML {
        var rows: [HTML] = []
        var warnings: [HTML] = []
        for category in Category.allCases {
            guard let r = supply[SupplyKey(quarter: report.quarterLabel, category: category.rawValue)] else { continue }
            let group = "\(report.quarterLabel)|\(category.rawValue)"
            let hid = r["suppressed"] == "1"
            let ratio = Double(r["helpers_per_request"]!)
            let low = ratio.map { $0 < data.lowHelpersPerRequest } ?? false
            rows.append("""
                <tr\(HTML(trusted: low ? " class=\"warn\"" : ""))><th>\(text.category(category))</th>\
                <td>\(figures.count("supply_demand", group, "requests", csv: r["requests"]!, suppressed: hid && r["requests"]!.isEmpty, raw: Int(r["_requests"]!)))</td>\
                <td>\(figures.count("supply_demand", group, "active_helpers", csv: r["active_helpers"]!, suppressed: hid && r["active_helpers"]!.isEmpty, raw: Int(r["active_helpers"]!)))</td>\
                <td>\(figures.decimal("supply_demand", group, "helpers_per_request", csv: r["helpers_per_request"]!, suppressed: hid && r["helpers_per_request"]!.isEmpty, decimals: 2))</td>\
                <td>\(figures.share("supply_demand", group, "match_rate", csv: r["match_rate"]!, suppressed: hid && r["match_rate"]!.isEmpty))</td>\
                <td>\(figures.decimal("supply_demand", group, "median_days_to_match", csv: r["median_days_to_match"]!, suppressed: hid && r["median_days_to_match"]!.isEmpty, decimals: 1))</td></tr>
                """)
            if low, let ratio {
                let w: HTML = "\(t("Weinig vrijwilligers voor", "Few volunteers for")) \(text.category(category)): \(text.decimal(ratio, decimals: 2)) \(t("actieve vrijwilligers per hulpvraag (signaalgrens", "active volunteers per help request (warning below")) \(text.decimal(data.lowHelpersPerRequest, decimals: 2)))."
                warnings.append("<p class=\"warning\">⚠ \(w)</p>")
                messages.append(w)
            } else if r["active_helpers"] == "0", r["requests"] != "0" {
                let w: HTML = "\(t("Geen actieve vrijwilligers voor", "No active volunteers for")) \(text.category(category))."
                warnings.append("<p class=\"warning\">⚠ \(w)</p>")
                messages.append(w)
            }
        }
        return """
            <section id="supply"><h2>\(t("Vraag en aanbod per categorie", "Supply and demand per category"))</h2>
            <p>\(t("Actieve vrijwilligers: ingeschreven voor de categorie en actief op minstens één dag van het kwartaal.", "Active volunteers: registered for the category and active on at least one day of the quarter."))</p>
            \(warnings)
            <table><thead><tr><th></th><th>\(t("hulpvragen", "help requests"))</th><th>\(t("actieve vrijwilligers", "active volunteers"))</th>\
            <th>\(t("vrijwilligers per hulpvraag", "volunteers per request"))</th><th>\(t("matchpercentage", "match rate"))</th>\
            <th>\(t("mediaan dagen tot match", "median days to match"))</th></tr></thead><tbody>\(rows)</tbody></table></section>

            """
    }

    // MARK: monthly series

    mutating func monthlySection() -> HTML {
        let upTo = scoped.filter { $0.createdAt <= bounds.last }
        guard !upTo.isEmpty else { return "" }
        let series = MonthlySeries.compute(upTo, rule: data.rule)
        let rows = zip(MonthlyTable.rows(series.rows, suppression: data.suppression), series.rows).map { row, raw in
            record(MonthlyTable.header, row).merging(["_total": String(raw.total)]) { a, _ in a }
        }
        let inQuarter = Set((0..<3).map { Day.monthLabel(report.quarter * 3 + $0) })
        let bars = rows.map { r -> SVGCharts.Bar in
            let month = r["month"]!
            _ = figures.count("monthly", month, "total", csv: r["total"]!, suppressed: r["total"]!.isEmpty, raw: Int(r["_total"]!))
            return SVGCharts.Bar(label: text.month(month), value: Double(r["total"]!), highlighted: inQuarter.contains(month),
                                 hiddenText: hiddenText(Int(r["_total"]!)!))
        }
        let trend = rows.map { Double($0["trend_total"]!) }
        let chart = SVGCharts.bars(id: "monthly-chart", title: t("Verzoeken per maand", "Requests per month"), bars: bars,
                                   line: trend, labelEvery: max(1, bars.count / 12),
                                   yLabel: t("verzoeken", "requests"))
        var note: HTML = ""
        if let fit = series.trends.first?.fit {
            let slope = fit.slope
            note = "<p>\(t("Trendlijn (kleinste kwadraten)", "Trend line (least squares)")): \(slope >= 0 ? "+" : "")\(text.decimal(slope, decimals: 2)) \(t("verzoeken per maand erbij", "requests more per month")).</p>"
        }
        let table: [HTML] = rows.suffix(12).map { r in
            "<tr><th>\(text.month(r["month"]!))</th><td>\(figures.count("monthly", r["month"]!, "total", csv: r["total"]!, suppressed: r["total"]!.isEmpty, raw: Int(r["_total"]!)))</td></tr>"
        }
        return """
            <section id="monthly"><h2>\(t("Verzoeken per maand", "Requests per month"))</h2>
            <p>\(t("Hulpvragen en informatievragen per maand, met trendlijn; de maanden van dit kwartaal zijn donkerder.", "Help requests and information questions per month, with a trend line; this quarter's months are darker."))</p>
            \(chart)\(note)
            <details><summary>\(t("De laatste twaalf maanden in cijfers", "The last twelve months in numbers"))</summary>
            <table><tbody>\(table)</tbody></table></details></section>

            """
    }

    // MARK: breakdowns

    mutating func breakdownSection() -> HTML {
        let year = bounds.first.year
        let inYear = scoped.filter { $0.createdAt.year == year && $0.createdAt <= bounds.last }
        guard !inYear.isEmpty else { return "" }
        let raw = Breakdowns.compute(inYear, rule: data.rule)
        let rows = zip(BreakdownsTable.rows(raw, suppression: data.suppression), raw)
            .map { row, cell in record(BreakdownsTable.header, row).merging(["_count": String(cell.count)]) { a, _ in a } }
            .filter { $0["location"] == ReportSections.scopeLabel && $0["period"] == String(year) }
        var tables: [HTML] = []
        for (dimension, heading) in [("requester_type", t("Wie vroeg om hulp", "Who asked for help")),
                                     ("organisation", t("Welke organisatie hielp (gematchte hulpvragen)", "Which organisation helped (matched help requests)"))] {
            let mine = rows.filter { $0["dimension"] == dimension }
            guard !mine.isEmpty else { continue }
            let body: [HTML] = mine.map { r in
                let value = r["value"]!
                let label = dimension == "requester_type" ? text.requesterType(value)
                    : (value == "unknown" ? t("onbekend", "unknown") : value)
                let group = "\(dimension)|\(value)"
                let hid = r["suppressed"] == "1"
                let width = Double(r["share"]!).map { Int(($0 * 100).rounded()) } ?? 0
                return "<tr><th>\(label)</th><td>\(figures.count("breakdowns", group, "count", csv: r["count"]!, suppressed: hid && r["count"]!.isEmpty, raw: Int(r["_count"]!)))</td>"
                    + "<td>\(figures.share("breakdowns", group, "share", csv: r["share"]!, suppressed: hid && r["share"]!.isEmpty))</td>"
                    + "<td class=\"barcell\"><span class=\"hbar\" style=\"width:\(width)%\"></span></td></tr>"
            }
            tables.append("<div><h3>\(heading)</h3><table><tbody>\(body)</tbody></table></div>")
        }
        return """
            <section id="breakdowns"><h2>\(t("Wie vraagt en wie helpt", "Who asks and who helps")) (\(String(year)), \(t("tot en met", "up to")) \(text.quarter(report.quarterLabel)))</h2>
            <div class="two">\(tables)</div></section>

            """
    }

    // MARK: reach

    mutating func reachSection() -> HTML {
        let areas = mapAreas()
        let under = areas.filter { a in (data.scores[a.code] ?? [:]).values.contains { $0.underReached == true } }
            .sorted { a, b in
                let pa = (data.scores[a.code] ?? [:]).values.compactMap(\.percentile).max() ?? 0
                let pb = (data.scores[b.code] ?? [:]).values.compactMap(\.percentile).max() ?? 0
                return (pa, b.code) > (pb, a.code)
            }
        let body: [HTML] = under.prefix(15).map { a in
            let r = data.reach[a.code]
            let hidden = r.map { data.suppression.hides($0.requests) } ?? false
            let rate = hidden ? "" : Format.fixed(r?.perThousandHouseholds, decimals: 2)
            let debt = data.scores[a.code]?["debt"]?.percentile, lonely = data.scores[a.code]?["loneliness"]?.percentile
            return "<tr><th>\(a.code)</th><td>\(a.municipality ?? "")</td><td>\(debt.map { String(Int($0.rounded())) } ?? "–")</td>"
                + "<td>\(lonely.map { String(Int($0.rounded())) } ?? "–")</td>"
                + "<td>\(figures.decimal("reach", a.code, "requests_per_1000_households", csv: rate, suppressed: hidden, decimals: 1))</td></tr>"
        }
        if !under.isEmpty {
            messages.append("\(under.count) \(t("gebieden met hoog risico worden weinig bereikt (minder hulpvragen per 1.000 huishoudens dan de mediaan).", "high-risk areas are under-reached (fewer help requests per 1,000 households than the median)."))")
        }
        return """
            <section id="reach"><h2>\(t("Bereik: gebieden met hoog risico en weinig hulpvragen", "Reach: high-risk areas with few help requests"))</h2>
            <p>\(t("Onderbereikt: in het hoogste kwintiel van een index (percentiel ≥ 80) en minder hulpvragen per 1.000 huishoudens dan de mediaan van alle gebieden, over de hele opgeslagen geschiedenis.", "Under-reached: in the top quintile of an index (percentile ≥ 80) and fewer help requests per 1,000 households than the median area, over the whole stored history."))</p>
            \(under.isEmpty ? HTML(stringLiteral: "<p>" + t("Geen onderbereikte gebieden op deze kaart.", "No under-reached areas on this map.") + "</p>")
                : "<table><thead><tr><th>\(t("gebied", "area"))</th><th>\(t("gemeente", "municipality"))</th><th>\(t("schulden (pct.)", "debt (pct.)"))</th><th>\(t("eenzaamheid (pct.)", "loneliness (pct.)"))</th><th>\(t("hulpvragen per 1.000 huishoudens", "help requests per 1,000 households"))</th></tr></thead><tbody>\(body)</tbody></table>")
            </section>

            """
    }

    // MARK: flyer targets

    mutating func targetSection() -> HTML {
        guard let stored = data.plan else { return "" }
        let plan = stored.plan
        let onMap = Set(mapAreas().map(\.code))
        let byCode = Dictionary(uniqueKeysWithValues: data.areas.map { ($0.code, $0) })
        let shown = plan.targets.filter { onMap.contains($0.code) }
        let body: [HTML] = shown.map { target in
            let a = byCode[target.code]
            let s = data.scores[target.code] ?? [:]
            return "<tr><td>\(target.rank)</td><th>\(target.code)</th><td>\(a?.municipality ?? "")</td>"
                + "<td>\(figures.count("targets", target.code, "flyers", csv: String(target.flyers), suppressed: false, raw: target.flyers))</td>"
                + "<td>\(s["debt"]?.percentile.map { String(Int($0.rounded())) } ?? "–")</td>"
                + "<td>\(s["loneliness"]?.percentile.map { String(Int($0.rounded())) } ?? "–")</td>"
                + "<td>\(figures.decimal("targets", target.code, "expected_at_risk", csv: Format.fixed(target.expectedAtRisk.central, decimals: 1), suppressed: false, decimals: 0))"
                + " <small>(\(text.count(target.expectedAtRisk.low))–\(text.count(target.expectedAtRisk.high)))</small></td>"
                + "<td>\(target.nearestVolunteer < 1 ? t("in het gebied", "in the area") : text.distance(target.nearestVolunteer))</td></tr>"
        }
        var summary: HTML
        if let because = plan.nothingChosenBecause {
            summary = "<p class=\"warning\">\(t("Geen gebieden gekozen", "No areas chosen")): \(because).</p>"
            messages.append("\(t("Flyercampagne: geen gebieden gekozen", "Flyer campaign: no areas chosen")) (\(because)).")
        } else {
            let gain = plan.naiveExpectedAtRisk.central > 0 ? plan.expectedAtRisk.central / plan.naiveExpectedAtRisk.central - 1 : nil
            summary = """
                <p>\(t("Budget", "Budget")) \(text.count(plan.budget)) flyers; \(t("gekozen", "chosen")): \(plan.targets.count) \(t("gebieden", "areas")), \
                \(text.count(plan.flyers)) flyers. \(t("Verwacht bereik", "Expected reach")): \(text.count(plan.expectedAtRisk.central)) \
                \(t("huishoudens met risico", "households at risk")) (\(t("bandbreedte", "range")) \(text.count(plan.expectedAtRisk.low))–\(text.count(plan.expectedAtRisk.high)))\
                \(gain.map { g in HTML(stringLiteral: "; " + t("dat is \(text.percent(g)) meer dan ‘hoogste risico eerst’", "that is \(text.percent(g)) more than ‘highest risk first’")) } ?? ""). \
                \(t("Doel", "Goal")): \(text.index(stored.goal.rawValue).lowercased()); \(t("gebied", "catchment")): \(stored.catchment).</p>
                """
            messages.append("\(t("Flyercampagne", "Flyer campaign")): \(plan.targets.count) \(t("gebieden", "areas")), \(text.count(plan.flyers)) flyers, \(t("naar verwachting", "expected to reach")) \(text.count(plan.expectedAtRisk.central)) \(t("huishoudens met risico", "households at risk")).")
        }
        let without = plan.highRiskWithoutVolunteers.filter { onMap.contains($0.code) }
        var warning: HTML = ""
        if !without.isEmpty {
            let km = text.decimal(stored.volunteerDistance / 1000, decimals: 0)
            let (ranked, byVolunteering) = RecruitmentOrder.rank(without, areas: data.areas)
            let codes = ranked.prefix(10).map { s in
                s.volunteeringShare.map { "\(s.code) (\(text.decimal($0, decimals: 0))% \(t("doet vrijwilligerswerk", "volunteer")))" } ?? s.code
            }.joined(separator: ", ") + (ranked.count > 10 ? ", …" : "")
            let order = byVolunteering
                ? t(" Volgorde: eerst waar de meeste inwoners vrijwilligerswerk doen (RIVM Gezondheidsmonitor 2020, per gemeente), dan naar verwachte vraag.",
                    " Order: first where most residents do volunteer work (RIVM health monitor 2020, per municipality), then by expected demand.")
                : t(" Volgorde: naar verwachte vraag.", " Order: by expected demand.")
            let w: HTML = "\(without.count) \(t("gebieden met hoog risico hebben geen actieve vrijwilliger binnen \(km) km en zijn daarom geen flyergebied: een flyer daar levert hulpvragen op die niemand kan beantwoorden. Werf eerst vrijwilligers in", "high-risk areas have no active volunteer within \(km) km and are therefore not flyer targets: a flyer there brings requests nobody can answer. Recruit volunteers first in")) \(codes).\(order)"
            warning = "<p class=\"warning\">⚠ \(w)</p>"
            messages.append(w)
        }
        let table: HTML = body.isEmpty ? "" : "<table><thead><tr><th>#</th><th>\(t("gebied", "area"))</th><th>\(t("gemeente", "municipality"))</th><th>flyers</th><th>\(t("schulden (pct.)", "debt (pct.)"))</th><th>\(t("eenzaamheid (pct.)", "loneliness (pct.)"))</th><th>\(t("verwacht aantal huishoudens met risico", "expected households at risk"))</th><th>\(t("dichtstbijzijnde vrijwilliger", "nearest volunteer"))</th></tr></thead><tbody>\(body)</tbody></table>"
        return """
            <section id="targets"><h2>\(t("Flyercampagne", "Flyer campaign"))</h2>
            \(summary)\(warning)
            \(table)
            </section>

            """
    }

    // MARK: method and sources

    func methodSection() -> HTML {
        let first = data.requests.map(\.createdAt).min().map(\.description) ?? "–"
        let last = data.requests.map(\.createdAt).max().map(\.description) ?? "–"
        return """
            <section id="method"><h2>\(t("Methode en bronnen", "Method and sources"))</h2>
            <ul>
            <li>\(t("Gebieden en statistiek", "Areas and statistics")): CBS, \(t("Kerncijfers per postcode", "Key figures by postcode")) \(String(data.areaYear)) (\(data.areaSource)), \(t("licentie", "licence")) CC BY 4.0. \(t("Geheime CBS-waarden tellen als ontbrekend.", "Secret CBS values count as missing."))</li>
            <li>\(t("Risico-indexen: gewogen percentielrangen van CBS-kenmerken met krimp naar het gemiddelde voor kleine gebieden. De gewichten zijn geschat op de door RIVM gemeten aandelen (Gezondheidsmonitor 2020, de helft van de gemeenten): eenzaamheid volgt ernstige eenzaamheid van volwassenen met Spearman 0,87 (kruisgevalideerd), schulden ‘moeite met rondkomen’ met 0,92 en CBS Kaart risico gemeenten 2018 met 0,85. Verwachte huishoudens met risico: 8,3% huishoudens met problematische schulden (CBS, 2018) en 11,2% ernstig eenzame volwassenen (RIVM, 2020; spreiding tussen gemeenten geschat op de RIVM-cijfers).", "Risk indices: weighted percentile ranks of CBS characteristics, shrunk towards the mean for small areas. The weights were fitted to the shares RIVM measured (health monitor 2020, half of the municipalities): the loneliness index follows severe loneliness of adults with Spearman 0.87 (cross-validated), the debt index ‘difficulty making ends meet’ with 0.92 and CBS's municipal debt-risk map 2018 with 0.85. Expected households at risk: 8.3% of households with problematic debts (CBS, 2018) and 11.2% severely lonely adults (RIVM, 2020; the spread between municipalities fitted to RIVM's figures)."))</li>
            <li>\(t("Hulpvragen", "Help requests")): \(t("eigen registratie", "the organisation's own records")), \(first) – \(last). \(t("Afstanden tussen postcodepunten (EPSG:28992).", "Distances between postcode points (EPSG:28992)."))</li>
            <li>\(t("Privacy: aantallen onder", "Privacy: counts below")) \(data.suppression.threshold) \(t("worden niet getoond, ook niet via totalen (aanvullende onderdrukking). Geen namen, ids, 6-cijferige postcodes of vrije tekst van hulpvragers.", "are not shown, nor can they be derived from totals (complementary suppression). No names, ids, 6-character postcodes or free text of requesters."))</li>
            <li>\(t("Volledige methode: docs/METHOD.md in hulpatlas.", "Full method: docs/METHOD.md in hulpatlas."))</li>
            </ul></section>

            """
    }
}
