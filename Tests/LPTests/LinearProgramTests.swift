import LP
import Testing

/// GLPK through `LinearProgram`, against a brute-force enumeration of every integer solution.
@Suite struct LinearProgramTests {
    /// A 2 × 3 table with row and column totals: cells a…f, some shown. Brute force: every
    /// assignment of the hidden cells from 0 to the largest total that meets all sums.
    struct Table {
        var cells: [Int?]        // a b c / d e f (nil: hidden)
        var rowTotals: [Int]     // a+b+c, d+e+f
        var columnTotals: [Int]  // a+d, b+e, c+f

        var equations: [[Int]] { [[0, 1, 2], [3, 4, 5], [0, 3], [1, 4], [2, 5]] }
        var totals: [Int] { rowTotals + columnTotals }

        func bruteForce() -> [Int: ClosedRange<Int>] {
            let hidden = cells.indices.filter { cells[$0] == nil }
            var low: [Int: Int] = [:], high: [Int: Int] = [:]
            var values = cells.map { $0 ?? 0 }
            func visit(_ k: Int) {
                if k == hidden.count {
                    guard zip(equations, totals).allSatisfy({ eq, t in eq.reduce(0) { $0 + values[$1] } == t }) else { return }
                    for h in hidden {
                        low[h] = min(low[h] ?? .max, values[h])
                        high[h] = max(high[h] ?? .min, values[h])
                    }
                    return
                }
                // No cell can exceed the largest total it is part of.
                for v in 0...(totals.max() ?? 0) {
                    values[hidden[k]] = v
                    visit(k + 1)
                }
            }
            visit(0)
            return Dictionary(uniqueKeysWithValues: hidden.compactMap { h in low[h].map { (h, $0...high[h]!) } })
        }

        /// The same intervals by LP: the cells and the totals are columns, totals fixed.
        func byLP() -> [Int: ClosedRange<Int>] {
            let lower = cells.map { Double($0 ?? 0) } + totals.map(Double.init)
            let upper = cells.map { $0.map(Double.init) } + totals.map { Optional(Double($0)) }
            let program = LinearProgram(lower: lower, upper: upper)
            for (k, eq) in equations.enumerated() {
                program.addEquality(eq.map { (column: $0, coefficient: 1.0) } + [(column: 6 + k, coefficient: -1.0)], equals: 0)
            }
            var out: [Int: ClosedRange<Int>] = [:]
            for h in cells.indices where cells[h] == nil {
                guard case let .value(lo) = program.optimum(of: h, maximise: false),
                      case let .value(hi) = program.optimum(of: h, maximise: true) else { continue }
                out[h] = Int((lo - 1e-6).rounded(.up))...Int((hi + 1e-6).rounded(.down))
            }
            return out
        }
    }

    @Test(arguments: [
        // One hidden cell in a row with its total: exact.
        Table(cells: [3, nil, 5, 4, 4, 4], rowTotals: [10, 12], columnTotals: [7, 6, 9]),
        // Two hidden cells in one row and one column each: still exact by the column totals.
        Table(cells: [nil, nil, 5, 4, 4, 4], rowTotals: [10, 12], columnTotals: [5, 5, 9]),
        // A 2 × 2 block of hidden cells: an interval, not a point.
        Table(cells: [nil, nil, 5, nil, nil, 4], rowTotals: [10, 12], columnTotals: [7, 6, 9]),
        // Everything hidden but the totals.
        Table(cells: [nil, nil, nil, nil, nil, nil], rowTotals: [6, 9], columnTotals: [4, 5, 6]),
    ])
    func theLPIntervalsAreTheBruteForceOnes(table: Table) {
        #expect(table.byLP() == table.bruteForce())
    }

    @Test func aHiddenCellWithoutUpperBoundIsUnbounded() {
        let program = LinearProgram(lower: [0, 0, 3], upper: [nil, nil, 3])
        program.addEquality([(column: 0, coefficient: 1), (column: 1, coefficient: -1), (column: 2, coefficient: -1)], equals: 0)
        #expect(program.optimum(of: 0, maximise: false) == .value(3))
        #expect(program.optimum(of: 0, maximise: true) == .unbounded)
    }

    @Test func contradictoryEquationsAreInfeasible() {
        let program = LinearProgram(lower: [2, 3], upper: [2, 3])
        program.addEquality([(column: 0, coefficient: 1), (column: 1, coefficient: -1)], equals: 0)
        #expect(program.optimum(of: 0, maximise: false) == .infeasible)
    }
}
