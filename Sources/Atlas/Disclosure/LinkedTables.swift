/// The published counts of a folder as an outside analyst sees them: each cell shown with its
/// value or hidden, and the equations that tie cells together (a total is the sum of its parts;
/// the same number in two tables is one cell). The interval audit asks, for every hidden cell,
/// how far these equations narrow it down (docs/METHOD.md §8).
public struct LinkedTables: Sendable {
    public struct Cell: Sendable, Equatable {
        /// Where the cell is published: "monthly.csv: HipHelpt Dordrecht 2021-01 info_requests".
        public var label: String
        /// nil when hidden.
        public var shown: Int?
        /// The quantity's key, the same in every table that publishes it.
        public var key: String = ""
    }

    /// Σ left = Σ right, over cell indices.
    public struct Equation: Sendable, Equatable {
        public var left: [Int]
        public var right: [Int]
    }

    public private(set) var cells: [Cell] = []
    public private(set) var equations: [Equation] = []
    private var byKey: [String: Int] = [:]
    /// Per cell, the equations it takes part in (kept as equations are added).
    private var equationsByCell: [[Int]] = []

    public init() {}

    /// The cell of `key` (one quantity, wherever it is published); the first label is kept.
    /// A cell shown in one table and hidden in another is shown: an analyst reads it there.
    @discardableResult
    public mutating func cell(_ key: String, label: String, shown: Int?) -> Int {
        if let i = byKey[key] {
            if cells[i].shown == nil, let shown { cells[i].shown = shown }
            return i
        }
        cells.append(Cell(label: label, shown: shown, key: key))
        equationsByCell.append([])
        byKey[key] = cells.count - 1
        return cells.count - 1
    }

    /// The cell of `key` if some table published it.
    public func existing(_ key: String) -> Int? { byKey[key] }

    /// `total` = Σ `parts` (nothing when there are no parts).
    public mutating func sum(_ total: Int, of parts: [Int]) {
        guard !parts.isEmpty else { return }
        equal([total], parts)
    }

    public mutating func equal(_ left: [Int], _ right: [Int]) {
        guard !(left.isEmpty && right.isEmpty), left != right else { return }
        equations.append(Equation(left: left, right: right))
        for c in Set(left + right) { equationsByCell[c].append(equations.count - 1) }
    }

    public var hidden: [Int] { cells.indices.filter { cells[$0].shown == nil } }

    /// Hides a shown cell (secondary suppression).
    public mutating func hide(_ cell: Int) { cells[cell].shown = nil }

    /// Shows a hidden cell with its value.
    public mutating func show(_ cell: Int, _ value: Int) { cells[cell].shown = value }

    /// The equations `cell` takes part in.
    public func equations(of cell: Int) -> [Equation] { equationsByCell[cell].map { equations[$0] } }

    /// The share of cells shown.
    public var publishedShare: Double { cells.isEmpty ? 1 : Double(cells.count - hidden.count) / Double(cells.count) }

    /// Groups of hidden cells that share an equation, each with the equations they are in: they
    /// are solved apart. A shown cell is a constant, so it ties nothing together (an `all` row
    /// that is shown does not join its locations into one block).
    public func blocks() -> [(cells: [Int], equations: [Int])] {
        var parent = Array(cells.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for e in equations {
            let unknown = (e.left + e.right).filter { cells[$0].shown == nil }
            for m in unknown.dropFirst() {
                let (a, b) = (root(unknown[0]), root(m))
                if a != b { parent[a] = b }
            }
        }
        var cellsOf: [Int: [Int]] = [:]
        for i in cells.indices where cells[i].shown == nil { cellsOf[root(i), default: []].append(i) }
        var equationsOf: [Int: [Int]] = [:]
        for (k, e) in equations.enumerated() {
            guard let first = (e.left + e.right).first(where: { cells[$0].shown == nil }) else { continue }
            equationsOf[root(first), default: []].append(k)
        }
        return cellsOf.keys.sorted().map { r in (cellsOf[r] ?? [], equationsOf[r] ?? []) }
    }
}

/// What the interval audit found for one hidden cell.
public struct IntervalFinding: Sendable, Equatable, CustomStringConvertible {
    public var cell: String
    /// The smallest and largest value consistent with everything published (nil: no upper bound).
    public var lower: Int
    public var upper: Int?
    /// Shown cells of the equations that bound it (up to five).
    public var derivedFrom: [String]

    public init(cell: String, lower: Int, upper: Int?, derivedFrom: [String]) {
        self.cell = cell
        self.lower = lower
        self.upper = upper
        self.derivedFrom = derivedFrom
    }

    public var description: String {
        let range = upper.map { $0 == lower ? "exactly \(lower)" : "between \(lower) and \($0)" } ?? "at least \(lower)"
        return "\(cell): hidden, but the published numbers put it \(range) (from \(derivedFrom.joined(separator: "; ")))"
    }
}

extension Suppression {
    /// A hidden cell must stay this uncertain: its feasible interval at least as wide as the
    /// small counts themselves (threshold 5: an interval of width 3, e.g. 1 to 4). Narrower, and
    /// an analyst learns more than "a small number".
    public var protectionWidth: Int { max(1, threshold - 2) }
}
