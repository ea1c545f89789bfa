import Atlas

/// Secondary suppression over linked tables, by audit and repair: while the interval audit
/// pins a hidden cell down to fewer values than the protection width, hide one more cell of a
/// sum it takes part in, the one that costs least (its value: a small count before a large one,
/// as τ-ARGUS's default cost; zeros are never hidden, they reveal no one), and audit again. Every round hides at least one cell, so it ends;
/// the result passes the audit by construction.
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
    static func protect(_ tables: LinkedTables, costs: [Int], suppression: Suppression, maxRounds: Int = 1000,
                        hideable: (Int) -> Bool = { _ in true }) -> Result {
        precondition(costs.count == tables.cells.count)
        var tables = tables
        var added: [Int] = []
        var rounds = 0
        var clean = Set<[Int]>()
        var findings = IntervalAudit.narrowCells(tables, suppression: suppression, clean: &clean)
        while !findings.isEmpty, rounds < maxRounds {
            rounds += 1
            var chosen = Set<Int>()
            for cell in findings {
                guard let cheapest = cheapestNeighbour(of: cell, tables: tables, costs: costs, excluding: chosen,
                                                       hideable: hideable) else { continue }
                chosen.insert(cheapest)
            }
            guard !chosen.isEmpty else { break }  // nothing left to hide around the findings
            for cell in chosen.sorted() {
                tables.hide(cell)
                added.append(cell)
            }
            findings = IntervalAudit.narrowCells(tables, suppression: suppression, clean: &clean)
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
        let found = Parallel.map(blocks.count) { k -> [(Int, Int)] in
            guard let intervals = IntervalAudit.intervals(blocks[k], tables: snapshot) else { return [] }
            return intervals.compactMap { cell, interval in interval.upper == interval.lower ? (cell, interval.lower) : nil }
        }
        var shown: [Int] = []
        for (cell, value) in found.flatMap({ $0 }).sorted(by: { $0.0 < $1.0 }) where restorable(cell) {
            tables.show(cell, value)
            shown.append(cell)
        }
        return shown
    }

    /// The cheapest shown, non-zero cell of a sum `cell` is in; where all of those are hidden
    /// already, of the sums those hidden cells are in, and so on outwards.
    static func cheapestNeighbour(of cell: Int, tables: LinkedTables, costs: [Int], excluding: Set<Int>,
                                  hideable: (Int) -> Bool = { _ in true }) -> Int? {
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        while !frontier.isEmpty {
            let around = Set(frontier.flatMap { tables.equations(of: $0).flatMap { $0.left + $0.right } }).subtracting(seen)
            let candidates = around.filter {
                tables.cells[$0].shown.map { $0 > 0 } == true && !excluding.contains($0) && hideable($0)
            }
            if let cheapest = candidates.min(by: { (costs[$0], $0) < (costs[$1], $1) }) { return cheapest }
            seen.formUnion(around)
            frontier = around.filter { tables.cells[$0].shown == nil }.sorted()
        }
        return nil
    }
}
