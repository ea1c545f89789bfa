import Atlas
import GRDB

/// A stored index result of one area (what areas.csv and the atlas show).
public struct StoredIndexScore: Sendable, Equatable {
    public var score: Double?
    public var percentile: Double?
    public var decile: Int?
    public var notRankedReason: String?
    public var missingComponents: [String]
}

extension AtlasStore {
    /// Replaces the results of one index for an area set, in one transaction.
    public func replaceIndex(_ result: RiskIndexResult, level: AreaLevel, year: Int) throws {
        try write { db in
            let name = result.definition.name
            try db.execute(sql: "DELETE FROM area_indices WHERE level = ? AND year = ? AND index_name = ?",
                           arguments: [level.rawValue, year, name])
            try db.execute(sql: "DELETE FROM area_index_components WHERE level = ? AND year = ? AND index_name = ?",
                           arguments: [level.rawValue, year, name])
            let score = try db.makeStatement(sql: """
                INSERT INTO area_indices (level, year, code, index_name, score, percentile, decile, not_ranked_reason,
                                          missing_components) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let component = try db.makeStatement(sql: """
                INSERT INTO area_index_components (level, year, code, index_name, component, value, percentile)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for s in result.scores {
                try score.execute(arguments: [level.rawValue, year, s.code, name, s.score, s.percentile, s.decile,
                                              s.notRankedReason, s.missingComponents.joined(separator: ";")])
                for (c, v) in s.components.sorted(by: { $0.key < $1.key }) {
                    try component.execute(arguments: [level.rawValue, year, s.code, name, c, v.value, v.percentile])
                }
            }
        }
    }

    /// Index results of an area set: code → index name → result.
    public func indexScores(level: AreaLevel, year: Int) throws -> [String: [String: StoredIndexScore]] {
        try read { db in
            var out: [String: [String: StoredIndexScore]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT code, index_name, score, percentile, decile, not_ranked_reason, missing_components
                FROM area_indices WHERE level = ? AND year = ?
                """, arguments: [level.rawValue, year]) {
                let missing: String = row["missing_components"]
                out[row["code"], default: [:]][row["index_name"]] = StoredIndexScore(
                    score: row["score"], percentile: row["percentile"], decile: row["decile"],
                    notRankedReason: row["not_ranked_reason"],
                    missingComponents: missing.split(separator: ";").map(String.init))
            }
            return out
        }
    }
}
