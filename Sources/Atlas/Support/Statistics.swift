/// Small statistics helpers, with the definitions written down (docs/METHOD.md cites them).
public enum Stats {
    /// The p-quantile (0…1) of sorted values by linear interpolation between order statistics
    /// (Hyndman & Fan type 7, the default of R and NumPy): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    public static func quantile(sorted values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let h = Double(values.count - 1) * p
        let lo = Int(h.rounded(.down))
        let hi = min(lo + 1, values.count - 1)
        return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
    }

    public static func median(_ values: [Double]) -> Double? { quantile(sorted: values.sorted(), 0.5) }

    /// Ordinary least squares y = intercept + slope·x.
    public struct LinearFit: Sendable, Equatable {
        public var slope: Double
        public var intercept: Double
        /// Coefficient of determination (nil when y is constant).
        public var rSquared: Double?
        public func value(at x: Double) -> Double { intercept + slope * x }
    }

    public static func linearFit(x: [Double], y: [Double]) -> LinearFit? {
        guard x.count >= 2 else { return nil }
        let m = coMoments(x, y)
        guard m.sxx > 0 else { return nil }
        let slope = m.sxy / m.sxx
        return LinearFit(slope: slope, intercept: m.meanY - slope * m.meanX,
                         rSquared: m.syy > 0 ? (m.sxy * m.sxy) / (m.sxx * m.syy) : nil)
    }

    /// The arithmetic mean (NaN for no values).
    public static func mean(_ x: [Double]) -> Double { x.isEmpty ? .nan : x.reduce(0, +) / Double(x.count) }

    /// The sample variance (n − 1 in the denominator; 0 for fewer than two values).
    public static func variance(_ x: [Double]) -> Double {
        guard x.count > 1 else { return 0 }
        let m = mean(x)
        return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
    }

    /// Pearson's r (1 when either series is constant, so that identical constant rankings agree).
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double {
        guard x.count > 1 else { return 1 }
        let m = coMoments(x, y)
        return m.sxx > 0 && m.syy > 0 ? m.sxy / (m.sxx * m.syy).squareRoot() : 1
    }

    /// Means and centred sums of squares and products of two equally long series.
    static func coMoments(_ x: [Double], _ y: [Double])
        -> (meanX: Double, meanY: Double, sxy: Double, sxx: Double, syy: Double) {
        precondition(x.count == y.count)
        let n = Double(x.count)
        let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(x, y) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return (mx, my, sxy, sxx, syy)
    }
}

/// Small-count suppression for anything shared: a count from 1 to threshold − 1 is not shown,
/// and neither is any statistic (share, median, rate) computed from fewer than threshold cases.
public struct Suppression: Sendable, Equatable {
    public var threshold: Int
    public init(threshold: Int = 5) { self.threshold = max(1, threshold) }

    public func hides(_ count: Int) -> Bool { count > 0 && count < threshold }
    /// A statistic over `count` cases may be shown.
    public func allowsStatistic(over count: Int) -> Bool { count >= threshold }

    /// Which of `parts` to hide when their total is shown (complementary suppression): every
    /// small part, and then the smallest remaining non-zero parts until the hidden parts add up
    /// to at least the threshold, so that total − visible parts reveals no small count.
    /// Complementary suppression over cells that take part in several published sums at once
    /// (`groups`: the indices of the cells of each sum, e.g. the months of a quarter and the
    /// kinds of a month). Small cells are hidden, then `protect` is applied to every group
    /// again and again until nothing changes: a group with a hidden cell then has at least two,
    /// adding up to at least the threshold, so that no sum minus its visible cells reveals a
    /// hidden cell or a small total. Hidden cells only grow, so this ends.
    public func protect(_ values: [Int], groups: [[Int]]) -> [Bool] {
        var hidden = values.map(hides)
        var changed = hidden.contains(true)
        while changed {
            changed = false
            for group in groups {
                let parts = group.map { values[$0] }
                guard group.contains(where: { hidden[$0] }) else { continue }
                var groupHidden = group.map { hidden[$0] }
                var hiddenSum = zip(parts, groupHidden).filter(\.1).map(\.0).reduce(0, +)
                var hiddenCount = groupHidden.filter { $0 }.count
                let order = group.indices.sorted { (parts[$0], $0) < (parts[$1], $1) }
                // One hidden cell in a group is its sum minus the rest: at least two, adding up to T.
                for k in order where (hiddenSum < threshold || hiddenCount < 2) && !groupHidden[k] && parts[k] > 0 {
                    groupHidden[k] = true
                    hiddenSum += parts[k]
                    hiddenCount += 1
                    hidden[group[k]] = true
                    changed = true
                }
            }
        }
        return hidden
    }

    public func protect(_ parts: [Int]) -> [Bool] {
        var hidden = parts.map(hides)
        guard hidden.contains(true) else { return hidden }
        var hiddenSum = zip(parts, hidden).filter(\.1).map(\.0).reduce(0, +)
        let order = parts.indices.sorted { (parts[$0], $0) < (parts[$1], $1) }
        for i in order where hiddenSum < threshold && !hidden[i] && parts[i] > 0 {
            hidden[i] = true
            hiddenSum += parts[i]
        }
        return hidden
    }
}
