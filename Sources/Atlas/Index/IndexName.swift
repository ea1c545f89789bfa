/// The two risk indices hulpatlas computes (docs/METHOD.md §2). The raw value is the name in
/// every output column (`debt_percentile`, `index` = `loneliness`, …).
public enum IndexName: String, CaseIterable, Sendable, Codable, Comparable {
    case debt
    case loneliness

    public static func < (a: IndexName, b: IndexName) -> Bool { a.rawValue < b.rawValue }
}
