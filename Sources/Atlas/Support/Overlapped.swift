import Foundation

/// Two stages of a stream on two cores: `produce` runs on a thread of its own and hands
/// batches to `consume`, which runs on the caller's thread, in the order produced (an ingest
/// parses its file on one core while the other writes the store). At most `capacity` batches
/// wait, so memory stays bounded however long the stream.
///
/// `produce` calls `emit` for every batch; `emit` returns false once the consumer has stopped
/// (it threw), and the producer should then return. An error of `produce` is thrown after the
/// batches it emitted before it are consumed; an error of `consume` is thrown once the producer
/// has returned. Either way the second thread is finished when `run` returns.
public enum Overlapped {
    public static func run<Batch>(capacity: Int = 4, produce: @escaping (_ emit: (Batch) -> Bool) throws -> Void,
                                  consume: (Batch) throws -> Void) throws {
        let channel = Channel<Batch>(capacity: max(1, capacity))
        let producer = Unchecked(value: produce)
        let thread = Thread {
            do {
                try producer.value { channel.put($0) }
                channel.finish(nil)
            } catch {
                channel.finish(error)
            }
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = try channel.take() { try consume(batch) }
        } catch {
            channel.cancel()
            channel.waitUntilFinished()
            throw error
        }
    }

    /// A value handed to the producer's thread; `run` keeps it in use on that thread only.
    private struct Unchecked<T>: @unchecked Sendable { let value: T }

    /// The batches between the two threads, under one lock.
    private final class Channel<T>: @unchecked Sendable {
        private let condition = NSCondition()
        private let capacity: Int
        private var items: [T] = []  // at most `capacity`: removing the first is cheap
        private var finished = false
        private var failure: (any Error)?
        private var cancelled = false

        init(capacity: Int) { self.capacity = capacity }

        /// Waits for room; false when the consumer has stopped.
        func put(_ item: T) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while items.count >= capacity, !cancelled { condition.wait() }
            guard !cancelled else { return false }
            items.append(item)
            condition.broadcast()
            return true
        }

        /// The next batch; nil when the producer finished and all are taken (its error is thrown then).
        func take() throws -> T? {
            condition.lock()
            defer { condition.unlock() }
            while items.isEmpty, !finished { condition.wait() }
            guard items.isEmpty else {
                condition.broadcast()
                return items.removeFirst()
            }
            if let failure { throw failure }
            return nil
        }

        func finish(_ error: (any Error)?) {
            condition.lock()
            finished = true
            failure = error
            condition.broadcast()
            condition.unlock()
        }

        func cancel() {
            condition.lock()
            cancelled = true
            items.removeAll()
            condition.broadcast()
            condition.unlock()
        }

        func waitUntilFinished() {
            condition.lock()
            while !finished { condition.wait() }
            condition.unlock()
        }
    }
}
