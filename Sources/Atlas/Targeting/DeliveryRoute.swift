/// Walking orders for flyer deliverers: the stops of a chosen area (its PC6 postcodes) in an
/// order that is short to walk, and the list cut into rounds of about one volunteer's load
/// (docs/METHOD.md §10.4). Distances are straight lines between the stops' points in EPSG:28992
/// metres, a lower bound on the walk along streets.
public enum DeliveryRoute {
    public struct Stop: Sendable, Equatable {
        public var code: String
        public var letterboxes: Int
        public var x: Double
        public var y: Double
        public init(code: String, letterboxes: Int, x: Double, y: Double) {
            self.code = code
            self.letterboxes = letterboxes
            self.x = x
            self.y = y
        }
    }

    /// One volunteer's round: stops in walking order.
    public struct Round: Sendable, Equatable {
        public var stops: [Stop]
        public var letterboxes: Int { stops.reduce(0) { $0 + $1.letterboxes } }
        /// Metres from the first stop to the last along the order.
        public var metres: Double { DeliveryRoute.length(stops) }
    }

    /// Starts tried from the nearest-neighbour tour (each improved by 2-opt); the best is kept.
    static let maximumStarts = 16

    /// The stops in a short open walking order: nearest neighbour from several starts, each
    /// improved by 2-opt (segment reversals) until no reversal shortens it; the shortest wins.
    /// Ties are broken by input order, so the result is deterministic.
    public static func walkingOrder(_ stops: [Stop]) -> [Stop] {
        guard stops.count > 2 else { return stops }
        let n = stops.count
        let starts = n <= maximumStarts ? Array(0..<n) : (0..<maximumStarts).map { $0 * n / maximumStarts }
        var best: [Int] = []
        var bestLength = Double.infinity
        for start in starts {
            var order = nearestNeighbour(stops, from: start)
            twoOpt(&order, stops)
            let l = length(order.map { stops[$0] })
            if l < bestLength - 1e-9 { (best, bestLength) = (order, l) }
        }
        return best.map { stops[$0] }
    }

    /// Cuts the walking order of `stops` into rounds of at most `size` letterboxes (a stop with
    /// more gets a round of its own), each then put in its own walking order. Consecutive stops
    /// stay together, so a round is one stretch of the area.
    public static func rounds(_ stops: [Stop], size: Int) -> [Round] {
        precondition(size > 0)
        var rounds: [[Stop]] = []
        var current: [Stop] = []
        var load = 0
        for stop in walkingOrder(stops) {
            if !current.isEmpty, load + stop.letterboxes > size {
                rounds.append(current)
                (current, load) = ([], 0)
            }
            current.append(stop)
            load += stop.letterboxes
        }
        if !current.isEmpty { rounds.append(current) }
        return rounds.map { Round(stops: walkingOrder($0)) }
    }

    static func distance(_ a: Stop, _ b: Stop) -> Double { ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() }

    /// Metres along `stops` in the given order.
    public static func length(_ stops: [Stop]) -> Double {
        zip(stops, stops.dropFirst()).reduce(0) { $0 + distance($1.0, $1.1) }
    }

    static func nearestNeighbour(_ stops: [Stop], from start: Int) -> [Int] {
        var visited = [Bool](repeating: false, count: stops.count)
        var order = [start]
        visited[start] = true
        for _ in 1..<stops.count {
            let last = stops[order[order.count - 1]]
            var next = -1
            var nearest = Double.infinity
            for (i, s) in stops.enumerated() where !visited[i] {
                let d = distance(last, s)
                if d < nearest { (next, nearest) = (i, d) }
            }
            visited[next] = true
            order.append(next)
        }
        return order
    }

    /// 2-opt on an open path: reverse order[i...j] whenever that shortens the walk (the path's
    /// ends are free, so a reversal reaching an end changes one edge only).
    static func twoOpt(_ order: inout [Int], _ stops: [Stop]) {
        let n = order.count
        func d(_ a: Int, _ b: Int) -> Double { distance(stops[order[a]], stops[order[b]]) }
        var improved = true
        var passes = 0
        while improved, passes < 100 {
            improved = false
            passes += 1
            for i in 0..<(n - 1) {
                for j in (i + 1)..<n {
                    let before = (i > 0 ? d(i - 1, i) : 0) + (j < n - 1 ? d(j, j + 1) : 0)
                    let after = (i > 0 ? d(i - 1, j) : 0) + (j < n - 1 ? d(i, j + 1) : 0)
                    if after < before - 1e-9 {
                        order[i...j].reverse()
                        improved = true
                    }
                }
            }
        }
    }
}

extension DeliveryRoute {
    /// Splits `total` letterboxes over parts in proportion to `weights` (largest remainder,
    /// ties to the earlier part), so that the parts add up to `total` exactly. Parts without a
    /// known weight (nil: a CBS secret value) get the mean of the known ones; with none known,
    /// all parts weigh the same.
    public static func apportion(_ total: Int, weights: [Double?]) -> [Int] {
        guard !weights.isEmpty, total > 0 else { return weights.map { _ in 0 } }
        let known = weights.compactMap { $0 }.filter { $0.isFinite && $0 >= 0 }
        let fallback = known.isEmpty ? 1 : max(known.reduce(0, +) / Double(known.count), 0)
        var w = weights.map { v -> Double in v.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } ?? fallback }
        if w.reduce(0, +) <= 0 { w = w.map { _ in 1 } }
        let sum = w.reduce(0, +)
        let exact = w.map { Double(total) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let left = total - parts.reduce(0, +)
        let byRemainder = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
        for i in byRemainder.prefix(left) { parts[i] += 1 }
        return parts
    }
}
