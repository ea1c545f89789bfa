extension Int {
    /// `Int(value)` without the trap: NaN becomes 0, values beyond the range the nearest end.
    /// For numbers that come from input data, which may hold anything (found by make fuzz).
    public init(saturating value: Double) {
        if value.isNaN { self = 0 } else if value >= 9.2e18 { self = .max } else if value <= -9.2e18 { self = .min } else {
            self = Int(value)
        }
    }
}
