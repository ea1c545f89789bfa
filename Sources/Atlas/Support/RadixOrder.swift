/// The order that sorts doubles ascending, by a least-significant-digit radix sort on their
/// bit patterns (four passes of 16 bits): linear in n, where a comparison sort of indices is
/// n log n with a closure call per comparison. Equal values end up next to each other (in
/// input order), -0.0 just before 0.0; NaN is not expected (an index score never is).
public enum RadixOrder {
    /// Below this many values a comparison sort is faster than the four histogram passes.
    static let cutoff = 2048

    public static func ascending(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n >= cutoff else { return values.indices.sorted { values[$0] < values[$1] } }
        // The bit pattern as an unsigned key in the doubles' order: negatives flipped whole,
        // positives with the sign bit set.
        var keys = values.map { v -> UInt64 in
            let bits = v.bitPattern
            return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
        }
        var order = Array(0..<n)
        var nextKeys = [UInt64](repeating: 0, count: n), nextOrder = [Int](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for pass in 0..<4 {
            let shift = UInt64(pass * 16)
            for k in 0..<counts.count { counts[k] = 0 }
            for key in keys { counts[Int((key >> shift) & 0xFFFF)] += 1 }
            // A digit all keys share moves nothing: skip the pass.
            if counts.contains(n) { continue }
            var sum = 0
            for k in 0..<counts.count {
                let c = counts[k]
                counts[k] = sum
                sum += c
            }
            for i in 0..<n {
                let digit = Int((keys[i] >> shift) & 0xFFFF)
                let at = counts[digit]
                counts[digit] = at + 1
                nextKeys[at] = keys[i]
                nextOrder[at] = order[i]
            }
            swap(&keys, &nextKeys)
            swap(&order, &nextOrder)
        }
        return order
    }
}
