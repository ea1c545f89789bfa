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

    /// `values` are the true values of every cell of `tables` (hidden or not).
    static func protect(_ tables: LinkedTables, values: [Int], suppression: Suppression, maxRounds: Int = 100) -> Result {
        precondition(values.count == tables.cells.count)
        var tables = tables
        var added: [Int] = []
        var rounds = 0
        var findings = IntervalAudit.narrowCells(tables, suppression: suppression)
        while !findings.isEmpty, rounds < maxRounds {
            rounds += 1
            var chosen = Set<Int>()
            for cell in findings {
                guard let cheapest = cheapestNeighbour(of: cell, tables: tables, values: values, excluding: chosen) else { continue }
                chosen.insert(cheapest)
            }
            guard !chosen.isEmpty else { break }  // nothing left to hide around the findings
            for cell in chosen.sorted() {
                tables.hide(cell)
                added.append(cell)
            }
            findings = IntervalAudit.narrowCells(tables, suppression: suppression)
        }
        let remaining = findings.isEmpty ? [] : IntervalAudit.run(tables, suppression: suppression).findings
        return Result(tables: tables, added: added, rounds: rounds, remaining: remaining)
    }

    /// The cheapest shown, non-zero cell of a sum `cell` is in; where all of those are hidden
    /// already, of the sums those hidden cells are in, and so on outwards.
    static func cheapestNeighbour(of cell: Int, tables: LinkedTables, values: [Int], excluding: Set<Int>) -> Int? {
        var frontier = [cell]
        var seen: Set<Int> = [cell]
        while !frontier.isEmpty {
            let around = Set(frontier.flatMap { tables.equations(of: $0).flatMap { $0.left + $0.right } }).subtracting(seen)
            let candidates = around.filter { tables.cells[$0].shown.map { $0 > 0 } == true && !excluding.contains($0) }
            if let cheapest = candidates.min(by: { (values[$0], $0) < (values[$1], $1) }) { return cheapest }
            seen.formUnion(around)
            frontier = around.filter { tables.cells[$0].shown == nil }.sorted()
        }
        return nil
    }
}
