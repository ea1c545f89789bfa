/// Points bucketed in square cells, for "is there a point within r metres" and nearest-point
/// queries in EPSG:28992 metres without comparing every pair.
public struct PointGrid: Sendable {
    struct Cell: Hashable { var i: Int; var j: Int }
    private let size: Double
    private var cells: [Cell: [(x: Double, y: Double)]] = [:]
    public private(set) var count = 0

    /// `cellSize` should be about the search radius used most (metres); a size that is not a
    /// positive finite number (the flags are validated before, this is the last line) gives 1 km.
    public init(_ points: [(x: Double, y: Double)], cellSize: Double) {
        size = cellSize.isFinite && cellSize > 0 ? max(cellSize, 1) : 1000
        let usable = points.filter { PointGrid.usable($0.x, $0.y) }
        for p in usable { cells[cell(p.x, p.y), default: []].append(p) }
        count = usable.count
    }

    private func cell(_ x: Double, _ y: Double) -> Cell {
        Cell(i: Int(saturating: (x / size).rounded(.down)), j: Int(saturating: (y / size).rounded(.down)))
    }

    /// Finite coordinates of a sane size (metres); anything else is left out.
    static func usable(_ x: Double, _ y: Double) -> Bool { abs(x) < 1e9 && abs(y) < 1e9 }

    /// The distance to the nearest point, if one lies within `limit` metres.
    public func nearest(x: Double, y: Double, within limit: Double) -> Double? {
        guard count > 0, PointGrid.usable(x, y), limit.isFinite, limit >= 0 else { return nil }
        let reach = Int(saturating: min((limit / size).rounded(.up), 1_000))
        let c = cell(x, y)
        var best: Double?
        for i in (c.i - reach)...(c.i + reach) {
            for j in (c.j - reach)...(c.j + reach) {
                for p in cells[Cell(i: i, j: j)] ?? [] {
                    let d = ((p.x - x) * (p.x - x) + (p.y - y) * (p.y - y)).squareRoot()
                    if d <= limit, d < (best ?? .infinity) { best = d }
                }
            }
        }
        return best
    }
}
