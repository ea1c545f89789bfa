import Dispatch

/// Data parallelism for independent pieces of work (weight perturbations, permutation tests,
/// per-location reports): every core, results in input order.
public enum Parallel {
    /// `body(i)` for every i in 0..<count, run in chunks on all cores; element i of the result
    /// is `body(i)`. Deterministic when `body(i)` depends on `i` only, whatever the core count.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let chunks = min(count, 64)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * count / chunks)..<((c + 1) * count / chunks) {
                    slots.base.advanced(by: i).initialize(to: body(i))
                }
            }
            initialized = count
        }
    }

    /// The result buffer, shared by the chunks: each writes only its own indices, once.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
