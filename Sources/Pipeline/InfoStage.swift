import Store

/// What a store holds: one line per area set.
public enum InfoStage {
    public static func lines(db: String) throws -> [String] {
        let store = try AtlasStore(path: db, exclusive: false, readOnly: true)
        let sets = try store.areaSets()
        if sets.isEmpty { return ["\(db): no areas yet (run `hulpatlas ingest areas`)"] }
        return try sets.map { set in
            let indicators = try store.indicators(level: set.level, year: set.year)
            let special = indicators.reduce(0) { $0 + $1.special }
            return "\(set.label): \(set.areaCount) areas from \(set.source) (\(set.sourceCRS)); "
                + "\(indicators.count) indicators, \(special) CBS-coded cells"
        }
    }
}
