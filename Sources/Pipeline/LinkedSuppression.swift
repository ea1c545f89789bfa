import Atlas

/// Secondary suppression over linked tables, by audit and repair: while the interval audit
/// pins a hidden cell down to fewer values than the protection width, hide one more cell of a
/// sum it takes part in, the one that costs least (τ-ARGUS's default cost is its value: a small
/// count before a large one; zeros are never hidden, they reveal no one), and audit again.
/// Every round hides at least one cell, so it ends; the result passes the audit by construction.
enum LinkedSuppression {
    struct Result: Sendable {
        var tables: LinkedTables
        /// The cells hidden in addition, in the order chosen.
        var added: [Int]
        var rounds: Int
        /// Findings left when `maxRounds` ran out (empty when protected).
        var remaining: [IntervalFinding]
    }

    /// `costs` are what hiding each cell of `tables` costs (τ-ARGUS's default: its true value,
    /// so that small cells go first; `Disclosure` weighs the cells a board reads); only cells for
    /// which `hideable` holds are chosen (by default every cell; a quantity no table publishes
    /// cannot be hidden).
    /// With the true `values`, only cells that can be narrow are audited: a hidden cell whose
    /// interval holds fewer than W values, below T at its bottom, has a true value of at most
    /// T + W − 2, so no larger one can be a finding.
    static func protect(_ tables: LinkedTables, costs: [Int], suppression: Suppression, maxRounds: Int = 1000,
                        values: [Int]? = nil, hideable: (Int) -> Bool = { _ in true }) -> Result {
        precondition(costs.count == tables.cells.count)
        var tables = tables
        var added: [Int] = []
        var rounds = 0
        var clean = Set<[Int]>()
        var age: [Int: Int] = [:]  // rounds a cell has been found narrow in a row
        let limit = suppression.threshold + suppression.protectionWidth - 2
        func possiblyNarrow(_ cells: Set<Int>) -> Set<Int> { values.map { v in cells.filter { v[$0] <= limit } } ?? cells }
        var findings = IntervalAudit.narrowCells(tables, suppression: suppression, clean: &clean,
                                                 candidates: values == nil ? nil : possiblyNarrow(Set(tables.hidden)))
        while !findings.isEmpty, rounds < maxRounds {
            rounds += 1
            var chosen = Set<Int>()
            for cell in findings {
                age[cell, default: 0] += 1
                // A cell still pinned down after three repairs is pinned by several sums at
                // once: hide the cheapest cell of each of them; after eight, every cell of
                // them, and one more cell further out each round (a last resort that ends the
                // search).
                let repeats = age[cell, default: 0]
                var fromItsSums = false
                for sum in repeats > 3 ? tables.equations(of: cell) : [] {
                    let open = cheapestFirst(sum.left + sum.right, tables: tables, costs: costs, excluding: chosen, hideable: hideable)
                    for c in open.prefix(repeats > 8 ? open.count : 1) {
                        chosen.insert(c)
                        fromItsSums = true
                    }
                }
                guard !fromItsSums else { continue }
                chosen.formUnion(cheapestNeighbours(of: cell, tables: tables, costs: costs, excluding: chosen,
                                                    hideable: hideable, count: max(1, repeats - 7)))
            }
            let stillNarrow = Set(findings)
            age = age.filter { stillNarrow.contains($0.key) }
            guard !chosen.isEmpty else { break }  // nothing left to hide around the findings
            for cell in chosen.sorted() {
                tables.hide(cell)
                added.append(cell)
            }
            findings = IntervalAudit.narrowCells(tables, suppression: suppression, clean: &clean,
                                                 candidates: possiblyNarrow(Set(findings).union(chosen)))
        }
        let remaining = findings.isEmpty ? [] : IntervalAudit.run(tables, suppression: suppression).findings
        return Result(tables: tables, added: added, rounds: rounds, remaining: remaining)
    }

    /// Shows every hidden cell (for which `restorable` holds) that the published numbers already
    /// determine: its interval is one value, so showing it tells nothing new, and all of them
    /// can be shown at once (the set of tables consistent with what is published stays the
    /// same). The greedy repair hides such cells now and then (a total beside a narrow cell
    /// that its other parts give away anyway). Returns the cells shown.
    static func showDetermined(_ tables: inout LinkedTables, restorable: (Int) -> Bool) -> [Int] {
        let snapshot = tables
        let blocks = snapshot.blocks()
        let candidates = blocks.map { Set($0.cells.filter(restorable)) }
        let found = Parallel.map(blocks.count) { k -> [(Int, Int)] in
            guard !candidates[k].isEmpty,
                  let intervals = IntervalAudit.intervals(blocks[k], tables: snapshot, wideAt: 1, only: candidates[k]) else { return [] }
            return intervals.compactMap { cell, interval in interval.upper == interval.lower ? (cell, interval.lower) : nil }
        }
        var shown: [Int] = []
        for (cell, value) in found.flatMap({ $0 }).sorted(by: { $0.0 < $1.0 }) where restorable(cell) {
            tables.show(cell, value)
            shown.append(cell)
        }
        return shown
    }

    /// The shown, non-zero, hideable cells of `cells` not in `excluding`, each once, cheapest first.
    static func cheapestFirst(_ cells: [Int], tables: LinkedTables, costs: [Int], excluding: Set<Int>,
                              hideable: (Int) -> Bool) -> [Int] {
        Set(cells).filter { tables.cells[$0].shown.map { $0 > 0 } == true && !excluding.contains($0) && hideable($0) }
            .sorted { (costs[$0], $0) < (costs[$1], $1) }
    }

    /// The cheapest shown, non-zero cell of the sum that pins `cell` down most: of the sums it
    /// is in, the one with the fewest hidden cells (a sum in which it is the only hidden cell
    /// gives it exactly; hiding a cell of another sum would not help). Where all of its sums
    /// have nothing left to hide, of the sums those hidden cells are in, and so on outwards
    /// (there, the `count` cheapest: a cell pinned down round after round gets one more each
    /// round).
    static func cheapestNeighbours(of cell: Int, tables: LinkedTables, costs: [Int], excluding: Set<Int>,
                                   hideable: (Int) -> Bool, count: Int) -> [Int] {
        func hiddenIn(_ sum: [Int]) -> Int { sum.filter { tables.cells[$0].shown == nil }.count }
        let sums = tables.equations(of: cell).map { $0.left + $0.right }.map { (cells: $0, hidden: hiddenIn($0)) }
            .sorted { $0.hidden < $1.hidden }
        for sum in sums {
            if let c = cheapestFirst(sum.cells, tables: tables, costs: costs, excluding: excluding, hideable: hideable).first {
                return [c]
            }
        }
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        while !frontier.isEmpty {
            let around = frontier.flatMap { tables.equations(of: $0).flatMap { $0.left + $0.right } }
            let found = cheapestFirst(around, tables: tables, costs: costs, excluding: excluding, hideable: hideable).prefix(count)
            if !found.isEmpty { return Array(found) }
            let new = Set(around).subtracting(seen)
            seen.formUnion(new)
            frontier = new.filter { tables.cells[$0].shown == nil }.sorted()
        }
        return []
    }
}
