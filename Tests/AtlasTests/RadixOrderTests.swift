@testable import Atlas
import Testing

/// The radix order sorts like a comparison sort, and mid-rank percentiles of mid-rank
/// percentiles are the same numbers (the stability runs rank once on that ground).
@Suite struct RadixOrderTests {
    static func values(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SplitMix64(seed: seed)
        return (0..<n).map { i in
            switch i % 7 {
            case 0: return Double(Int(rng.next() % 50)) - 25  // ties, negatives
            case 1: return i % 2 == 0 ? -0.0 : 0.0
            case 2: return -rng.nextUnit() * 1e9
            case 3: return rng.nextUnit() * 1e-300
            default: return (rng.nextUnit() - 0.5) * 100
            }
        }
    }

    @Test(arguments: [0, 1, 5, 2047, 2048, 10_000, 100_003])
    func theOrderSortsAscending(n: Int) {
        let v = Self.values(n, seed: UInt64(n) + 1)
        let order = RadixOrder.ascending(v)
        #expect(order.count == n && Set(order).count == n)
        #expect(zip(order, order.dropFirst()).allSatisfy { v[$0] <= v[$1] })
        // Against the comparison sort: the same sequence of values.
        #expect(order.map { v[$0] } == v.sorted())
    }

    @Test func midRanksOfMidRanksAreTheSame() {
        for n in [3, 2500, 50_000] {
            let v = Self.values(n, seed: 9)
            let p = RiskIndex.midRankPercentiles(v)
            #expect(RiskIndex.midRankPercentiles(p) == p)
            // And the radix path agrees with ranking by the comparison sort (brute force for ties).
            if n <= 2500 {
                let brute = v.map { x in
                    let below = v.filter { $0 < x }.count, equal = v.filter { $0 == x }.count
                    return 100 * (Double(below) + Double(equal + 1) / 2 - 0.5) / Double(n)
                }
                #expect(zip(p, brute).allSatisfy { abs($0 - $1) < 1e-9 })
            }
        }
    }
}
