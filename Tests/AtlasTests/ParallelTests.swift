import Atlas
import Testing

@Suite struct ParallelTests {
    @Test func resultsComeBackInInputOrder() {
        let n = 10_007  // not a multiple of the chunk count
        #expect(Parallel.map(n) { $0 * $0 } == (0..<n).map { $0 * $0 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
        #expect(Parallel.map(1) { $0 + 41 } == [41])
    }

    @Test func seededWorkGivesTheSameAnswerAsSequentialWork() {
        let work: @Sendable (Int) -> UInt64 = { i in
            var rng = SplitMix64(seed: UInt64(i))
            return (0..<1000).reduce(0) { acc, _ in acc ^ rng.next() }
        }
        #expect(Parallel.map(500, work) == (0..<500).map(work))
    }

    @Test func indexPercentilesForWeightsEqualTheFullScores() {
        let prepared = RiskIndex.Prepared(RiskIndexTests.set([RiskIndexTests.area("9998", 3, population: 20)]),
                                          definition: .loneliness, settings: RiskIndexSettings())
        var rng = SplitMix64(seed: 5)
        for _ in 0..<20 {
            let weights = prepared.used.map { _ in rng.nextUnit() * 2 }
            #expect(prepared.percentiles(weights: weights) == prepared.scores(weights: weights).map(\.percentile))
        }
    }

    @Test func localMoranIsReproducible() {
        let v = (0..<16).map { Double(($0 * 7) % 5) }
        let grid = SpatialAutocorrelationTests.grid
        #expect(SpatialAutocorrelation.local(v, neighbours: grid) == SpatialAutocorrelation.local(v, neighbours: grid))
    }
}
