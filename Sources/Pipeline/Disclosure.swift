import Atlas
import Reports

/// The disclosure step: the match-history tables a run publishes, protected together. Each
/// table arrives with its own small-count suppression (primary cells, and complements within
/// its rows); this step builds the linear system of all of them (`PublishedTablesModel`), and
/// while the interval audit pins a hidden cell down, it hides the cheapest cell beside it
/// (`LinkedSuppression`, secondary suppression as τ-ARGUS does it). Then every statistic with a
/// hidden count among its inputs is hidden too. docs/METHOD.md §8.
enum Disclosure {
    struct Protected: Sendable {
        var tables: [PublishedTable]
        /// The share of the counts published before and after the linked protection.
        var primaryShare: Double
        var publishedShare: Double
        /// Counts hidden by the linked protection, statistics hidden with them, and its rounds.
        var addedCounts: Int
        /// Hidden counts shown again because the published numbers determine them anyway.
        var restoredCounts: Int
        var hiddenStatistics: Int
        var rounds: Int
    }

    /// The match-history analyses as tables protected together: the only way Pipeline makes
    /// them (the run, `analyse`, `export` and `report` all come here).
    /// With `study`, the study period's tables are protected in the same set (and so share one
    /// pattern of hidden cells with every other published table).
    /// With `campaigns`, the campaign evaluations' tables are in the set as well.
    static func analysis(requests: [HelpRequest], helpers: [Helper], locator: Locator, rule: OutcomeRule,
                         suppression: Suppression, study: StudyPeriod? = nil,
                         campaigns: [CampaignEvaluation.Result] = []) throws -> MatchHistoryReport.Written {
        var result = MatchHistoryReport.tables(requests: requests, helpers: helpers, locator: locator, rule: rule,
                                               suppression: suppression)
        if let study {
            let tables = StudyTables.tablesAndTruth(Study.compute(requests, helpers: helpers, period: study, rule: rule),
                                                    suppression: suppression)
            result.tables += tables.tables
            result.unprotected += tables.truth
        }
        if !campaigns.isEmpty {
            let tables = CampaignTables.tablesAndTruth(campaigns, suppression: suppression)
            result.tables += tables.tables
            result.unprotected += tables.truth
        }
        let protected = try protect(result.tables, truth: result.unprotected, suppression: suppression)
        result.tables = protected.tables
        result.unprotected = []
        result.protection = MatchHistoryReport.Protection(
            primaryShare: protected.primaryShare, publishedShare: protected.publishedShare, addedCounts: protected.addedCounts,
            restoredCounts: protected.restoredCounts, hiddenStatistics: protected.hiddenStatistics, rounds: protected.rounds)
        return result
    }

    /// How much more than its value it costs to hide a cell: the quarter's help requests and
    /// outcomes (a board's first figures) most, then the categories' requests and outcomes, the
    /// quarter's distances and the monthly totals that the chart and trend need; row totals,
    /// information questions and the finer tables cost their value.
    static func weight(_ key: String) -> Int {
        let kind = key.prefix { $0 != "|" }
        let column = key.split(separator: "|").dropFirst().first.map(String.init) ?? ""
        switch kind {
        case "q": return ["help_requests", "matched", "not_matched"].contains(column) ? 8 : 1
        case "s": return ["matched", "not_matched"].contains(column) ? 3 : 1
        case "b": return key.contains("-Q") && key.contains("|category|") ? 3 : 1
        case "dq", "dqw": return key.hasSuffix("|all") ? 3 : 1
        // The study's headline figures: the questions, and the outcomes of all help requests.
        case "st": return 20
        case "so": return key.hasSuffix("|all|all") ? 8 : key.contains("|category|") ? 3 : 1
        case "m":
            let all = key.hasSuffix("|\(Vocabulary.reservedLocation)|" + (key.split(separator: "|").last.map(String.init) ?? ""))
            switch column {
            case "total": return all ? 8 : 4
            case "help_requests", "info_requests": return all ? 3 : 1
            default: return 1
            }
        default: return 1
        }
    }

    /// `primary` are the tables as each protects itself, `truth` the same with nothing hidden.
    static func protect(_ primary: [PublishedTable], truth: [PublishedTable], suppression: Suppression) throws -> Protected {
        let model = PublishedTablesModel(primary)
        let truthModel = PublishedTablesModel(truth)
        // A quantity no table publishes (help requests without a category) has no true value
        // here: it is taken as 0, so it is always audited.
        let values = model.tables.cells.map { c in truthModel.existing(c.key).flatMap { truthModel.tables.cells[$0].shown } ?? 0 }
        let costs = zip(values, model.tables.cells).map { $0 * weight($1.key) }
        let result = LinkedSuppression.protect(model.tables, costs: costs, suppression: suppression, values: values,
                                               hideable: { !model.positions[$0].isEmpty })
        guard result.remaining.isEmpty else {
            throw StageFailure(description: "the published tables could not be protected: \(result.remaining.count) hidden "
                                      + "counts can still be worked out, e.g. \(result.remaining[0]) (please report this)")
        }
        var final = result.tables
        // Counts (not the shares standing for matches within a distance) only.
        let restored = LinkedSuppression.showDetermined(&final) { c in
            !model.positions[c].isEmpty && !model.withinCounts.contains(c)
        }
        var tables = primary
        let truthTables = Dictionary(truth.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(uniqueKeysWithValues: tables.enumerated().map { ($1.file, $0) })
        func text(_ p: PublishedTablesModel.Position) -> String? {
            guard let t = index[p.file], p.row < tables[t].rows.count, p.column < tables[t].rows[p.row].count else { return nil }
            return tables[t].rows[p.row][p.column]
        }
        func set(_ p: PublishedTablesModel.Position, _ value: String) {
            guard let t = index[p.file], text(p) != nil else { return }
            tables[t].rows[p.row][p.column] = value
            if value.isEmpty, let flag = tables[t].header.firstIndex(of: "suppressed"), flag < tables[t].rows[p.row].count {
                tables[t].rows[p.row][flag] = "1"
            }
        }
        func truthText(_ p: PublishedTablesModel.Position) -> String? {
            guard let t = truthTables[p.file], p.row < t.rows.count, p.column < t.rows[p.row].count else { return nil }
            return t.rows[p.row][p.column]
        }
        // Statistics first: hidden with any of their counts, shown again (as without protection)
        // where all of them are shown and there are enough cases.
        var hiddenStatistics = 0
        for s in model.statistics {
            guard let now = text(s.position) else { continue }
            if !model.hiddenInputs(of: s, in: final).isEmpty {
                if !now.isEmpty { set(s.position, ""); hiddenStatistics += 1 }
            } else if now.isEmpty, let value = truthText(s.position), !value.isEmpty,
                      suppression.allowsStatistic(over: s.cases.compactMap { final.cells[$0].shown }.reduce(0, +)) || s.cases.isEmpty {
                set(s.position, value)
            }
        }
        // Then the counts: the repair's hidden, the determined ones shown.
        // A count shown anywhere is shown everywhere it is published (it is public either way);
        // the matches within a distance are shares, written by the statistics above.
        for (c, places) in model.positions.enumerated() where !places.isEmpty {
            for p in places {
                if final.cells[c].shown == nil { set(p, "") }
                else if !model.withinCounts.contains(c), text(p)?.isEmpty == true, let value = truthText(p) { set(p, value) }
            }
        }
        // The trends' flag says whether the fit is withheld.
        for file in ["trend.csv", "study_trend.csv"] {
            guard let t = index[file], let flag = tables[t].header.firstIndex(of: "suppressed"),
                  let slope = tables[t].header.firstIndex(of: "slope_per_month"), let truthTrend = truthTables[file] else { continue }
            for r in tables[t].rows.indices where r < truthTrend.rows.count {
                tables[t].rows[r][flag] = tables[t].rows[r][slope].isEmpty && !truthTrend.rows[r][slope].isEmpty ? "1" : "0"
            }
        }
        return Protected(tables: tables, primaryShare: model.publishedShare(),
                         publishedShare: model.publishedShare(in: final), addedCounts: result.added.count,
                         restoredCounts: restored.count,
                         hiddenStatistics: hiddenStatistics, rounds: result.rounds)
    }
}
