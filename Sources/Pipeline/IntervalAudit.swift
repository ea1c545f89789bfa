import Atlas
import LP

/// The interval audit: for every hidden cell of a set of linked tables, the smallest and largest
/// value consistent with every published cell and equation, by linear programming (GLPK). The
/// LP bounds contain every integer solution, so a cell the LP cannot narrow is safe; each block
/// of linked cells is solved on its own.
enum IntervalAudit {
    struct Result: Sendable {
        var findings: [IntervalFinding]
        /// Blocks of linked hidden cells solved.
        var blocks: Int
    }

    static func run(_ tables: LinkedTables, suppression: Suppression) -> Result {
        var findings: [IntervalFinding] = []
        let blocks = tables.blocks()
        for found in Parallel.map(blocks.count, { audit(blocks[$0], tables: tables, suppression: suppression) }) {
            findings += found
        }
        return Result(findings: findings, blocks: blocks.count)
    }

    /// The hidden cells whose interval holds fewer than `width` + 1 values (or that sit in a block
    /// the published numbers contradict).
    static func narrowCells(_ tables: LinkedTables, suppression: Suppression) -> [Int] {
        var clean = Set<[Int]>()
        return narrowCells(tables, suppression: suppression, clean: &clean)
    }

    /// The same, skipping the blocks in `clean` (found without narrow cells before: a block with
    /// the same hidden cells is the same problem) and adding the blocks found clean now; with
    /// `candidates`, only those cells are checked (hiding a cell only widens the others'
    /// intervals, so after a repair only the cells found narrow before and the cells just hidden
    /// can be narrow).
    static func narrowCells(_ tables: LinkedTables, suppression: Suppression, clean: inout Set<[Int]>,
                            candidates: Set<Int>? = nil) -> [Int] {
        let (width, threshold) = (suppression.protectionWidth, suppression.threshold)
        let blocks = tables.blocks().filter { !clean.contains($0.cells) }
        let found = Parallel.map(blocks.count) { k -> [Int] in
            let block = blocks[k]
            let only = candidates.map { c in Set(block.cells.filter(c.contains)) }
            if only?.isEmpty == true { return [] }
            guard let intervals = intervals(block, tables: tables, wideAt: width, only: only) else { return block.cells }
            return intervals.filter { isNarrow($0.value, width: width, threshold: threshold) }.keys.sorted()
        }
        for (block, narrow) in zip(blocks, found) where narrow.isEmpty { clean.insert(block.cells) }
        return found.flatMap { $0 }
    }

    /// The interval of every hidden cell of one block (of those in `only`, if given): the
    /// block's hidden cells are the columns (≥ 0), and each equation's shown cells move to its
    /// right-hand side. With `wideAt`, cells shown to be at least that wide are left out: a few
    /// solves of random positive combinations of the cells, maximised and minimised, give
    /// feasible points far apart (the filtering of optimisation-based bound tightening, Gleixner
    /// et al. 2017); a cell that two of them put `wideAt` or more apart cannot be narrower, and
    /// only the others are solved one by one (two solves each; a solve without a bound, where a
    /// cell has no upper bound, is no point). nil: the equations contradict the published numbers.
    static func intervals(_ block: (cells: [Int], equations: [Int]), tables: LinkedTables, wideAt: Int? = nil,
                          only: Set<Int>? = nil) -> [Int: (lower: Int, upper: Int?)]? {
        let position = Dictionary(uniqueKeysWithValues: block.cells.enumerated().map { ($1, $0) })
        let program = LinearProgram(lower: block.cells.map { _ in 0 }, upper: block.cells.map { _ in nil })
        for k in block.equations {
            let e = tables.equations[k]
            var coefficient: [Int: Double] = [:]
            var constant = 0.0  // Σ left − Σ right of the shown cells
            for (side, sign) in [(e.left, 1.0), (e.right, -1.0)] {
                for c in side {
                    if let shown = tables.cells[c].shown { constant += sign * Double(shown) }
                    else if let j = position[c] { coefficient[j, default: 0] += sign }
                }
            }
            let terms = coefficient.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { (column: $0.key, coefficient: $0.value) }
            if terms.isEmpty {
                if constant != 0 { return nil }  // the shown cells alone contradict the sum
            } else {
                program.addEquality(terms, equals: -constant)
            }
        }
        var open = block.cells.indices.filter { only?.contains(block.cells[$0]) ?? true }
        if let wideAt, open.count > 8 {
            var low = [Double](repeating: .infinity, count: block.cells.count)
            var high = [Double](repeating: -.infinity, count: block.cells.count)
            for round in 0..<8 {
                let weights = open.map { (column: $0, coefficient: 1 + Double(($0 &* 7919 &+ round &* 104_729) % 1000) / 1000) }
                // A solve that fails only leaves more cells to the exact solves.
                for maximise in [true, false] {
                    guard let x = program.solution(weights, maximise: maximise) else { continue }
                    for j in open { low[j] = min(low[j], x[j]); high[j] = max(high[j], x[j]) }
                }
                let before = open.count
                open = open.filter { high[$0] - low[$0] < Double(wideAt) - 1e-6 }
                if open.count <= 8 || before - open.count < max(1, before / 20) { break }
            }
        }
        var out: [Int: (lower: Int, upper: Int?)] = [:]
        for j in open {
            guard case let .value(low) = program.optimum(of: j, maximise: false) else { return nil }
            let lower = Int((low - 1e-6).rounded(.up))
            switch program.optimum(of: j, maximise: true) {
            case let .value(high): out[block.cells[j]] = (lower, Int((high + 1e-6).rounded(.down)))
            case .unbounded: out[block.cells[j]] = (lower, nil)
            case .infeasible, .failed: return nil
            }
        }
        return out
    }

    /// Narrower than the protection width, and possibly a small count: a hidden cell known to be
    /// 0, or at least the threshold, tells nothing about a small number of people.
    static func isNarrow(_ interval: (lower: Int, upper: Int?), width: Int, threshold: Int) -> Bool {
        guard let upper = interval.upper else { return false }
        return upper - interval.lower < width && upper > 0 && interval.lower < threshold
    }

    static func audit(_ block: (cells: [Int], equations: [Int]), tables: LinkedTables, suppression: Suppression) -> [IntervalFinding] {
        /// The shown cells of the equations `cell` is in (up to five).
        func sources(_ cell: Int) -> [String] {
            var labels: [String] = []
            for e in tables.equations(of: cell) {
                for c in e.left + e.right where c != cell && tables.cells[c].shown != nil && labels.count < 5 {
                    let label = tables.cells[c].label + " = \(tables.cells[c].shown ?? 0)"
                    if !labels.contains(label) { labels.append(label) }
                }
            }
            return labels
        }
        guard let intervals = intervals(block, tables: tables, wideAt: suppression.protectionWidth) else {
            // The published numbers contradict the equations: the model of the tables is wrong.
            let first = block.cells.first { tables.cells[$0].shown == nil } ?? block.cells[0]
            return [IntervalFinding(cell: tables.cells[first].label, lower: 0, upper: nil,
                                    derivedFrom: ["the published numbers contradict the sums the audit assumes"] + sources(first))]
        }
        return intervals.sorted { $0.key < $1.key }.compactMap { c, interval in
            guard isNarrow(interval, width: suppression.protectionWidth, threshold: suppression.threshold) else { return nil }
            return IntervalFinding(cell: tables.cells[c].label, lower: interval.lower, upper: interval.upper, derivedFrom: sources(c))
        }
    }
}
