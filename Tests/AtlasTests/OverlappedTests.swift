import Atlas
import Testing

/// The two-thread stream an ingest parses and writes with: batches arrive in order, errors on
/// either side stop both, and nothing is lost or left waiting.
@Suite struct OverlappedTests {
    struct Stop: Error, Equatable { var at: Int }

    @Test func batchesArriveInTheOrderProduced() throws {
        var seen: [Int] = []
        try Overlapped.run(capacity: 2, produce: { emit in
            for k in 0..<1_000 { guard emit([k, k]) else { return } }
        }, consume: { batch in seen += batch })
        #expect(seen == (0..<1_000).flatMap { [$0, $0] })
    }

    @Test func aProducerErrorComesAfterTheBatchesBeforeIt() {
        var seen: [Int] = []
        #expect(throws: Stop(at: 7)) {
            try Overlapped.run(capacity: 3, produce: { emit in
                for k in 0..<7 { _ = emit(k) }
                throw Stop(at: 7)
            }, consume: { seen.append($0) })
        }
        #expect(seen == Array(0..<7))
    }

    @Test func aConsumerErrorStopsTheProducer() {
        // The producer would go on for ever if `emit` did not tell it the consumer stopped.
        let stopped = Flag()
        #expect(throws: Stop(at: 10)) {
            try Overlapped.run(capacity: 2, produce: { emit in
                var k = 0
                while emit(k) { k += 1 }
                stopped.set()
            }, consume: { k in if k == 10 { throw Stop(at: 10) } })
        }
        #expect(stopped.isSet, "run returns only once the producer has returned")
    }

    @Test func anEmptyStreamConsumesNothing() throws {
        var calls = 0
        try Overlapped.run(produce: { _ in }, consume: { (_: Int) in calls += 1 })
        #expect(calls == 0)
    }

    final class Flag: @unchecked Sendable {
        private(set) var isSet = false
        func set() { isSet = true }
    }
}
