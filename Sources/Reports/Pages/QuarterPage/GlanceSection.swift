import Atlas

/// The quarter at a glance: this quarter, the previous one and a year earlier.
extension QuarterPage {
    struct QuarterCounts {
        var help = 0, info = 0, matched = 0, notMatched = 0, open = 0
    }

    func counts(_ quarter: Quarter) -> QuarterCounts? {
        let b = quarter.bounds
        var c = QuarterCounts()
        var any = false
        for r in scope.requests where r.createdAt >= b.first && r.createdAt <= b.last {
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

    func glanceSection() -> Section {
        let quarters = [report.quarter, report.quarter.advanced(by: -1), report.quarter.advanced(by: -4)]
        let heads: [HTML] = quarters.enumerated().map { i, q in
            let what = [t(.thisQuarter), t(.previousQuarter),
                        t(.aYearEarlier)][i]
            return "<th>\(text.quarter(q))<br><small>\(what)</small></th>"
        }
        let s = data.suppression
        let measures = [("help_requests", t(.helpRequests)), ("matched", t(.matched)),
                        ("not_matched", t(.notMatched)), ("open", t(.stillOpen)),
                        ("match_rate", t(.matchRate)),
                        ("info_requests", t(.informationQuestions))]
        var cells: [String: [HTML]] = [:]
        for q in quarters {
            let group = q.label
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
        let body: [HTML] = measures.map { m, label in "<tr><th>\(label)</th>\((cells[m] ?? []).map { "<td>\($0)</td>" as HTML })</tr>" }

        // Per category, from the supply/demand analysis (as in supply_demand.csv).
        var categoryRows: [HTML] = []
        for category in Category.allCases {
            var cs: [HTML] = []
            for q in quarters {
                guard let r = scope.supply[ReportScope.SupplyKey(quarter: q.label, category: category)] else {
                    cs.append("<td>–</td>")
                    continue
                }
                let group = "\(q.label)|\(category.rawValue)"
                let requests = figures.count("supply_demand", group, "requests", csv: r[.requests],
                                             suppressed: r.isHidden(.requests, flag: .suppressed), raw: r.source.requests)
                let rate = figures.share("supply_demand", group, "match_rate", csv: r[.match_rate],
                                         suppressed: r.isHidden(.match_rate, flag: .suppressed))
                cs.append("<td>\(requests) <small>(\(rate))</small></td>")
            }
            categoryRows.append("<tr><th>\(text.category(category))</th>\(cs)</tr>")
        }

        var keyPoint: HTML
        if let now = counts(report.quarter) {
            let previous = counts(report.quarter.advanced(by: -1))
            keyPoint = "\(t(.thisQuarter2)): \(figures.count("glance", report.quarter.label, "help_requests", csv: s.hides(now.help) ? "" : String(now.help), suppressed: s.hides(now.help), raw: now.help)) \(t(.helpRequests2))"
            let decided = now.matched + now.notMatched
            if s.allowsStatistic(over: decided), !s.hides(now.help) {
                keyPoint += ", \(text.percent(Double(now.matched) / Double(decided))) \(t(.matched2))"
                if let p = previous, s.allowsStatistic(over: p.matched + p.notMatched), p.matched + p.notMatched > 0 {
                    keyPoint += " (\(t(.previousQuarter)) \(text.percent(Double(p.matched) / Double(p.matched + p.notMatched))))"
                }
            }
            keyPoint += "."
        } else {
            keyPoint = "\(t(.noRequestsInThisQuarter))"
        }

        return Section(html: """
            <section id="glance"><h2>\(t(.theQuarterAtAGlance))</h2>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(body)</tbody></table>
            <h3>\(t(.helpRequestsPerCategoryMatchRate))</h3>
            <table class="glance"><thead><tr><th></th>\(heads)</tr></thead><tbody>\(categoryRows)</tbody></table>
            <p class="note">\(t(.matchedMatchOrReferredNotMatched))</p>
            </section>

            """, keyPoints: [keyPoint])
    }
}
