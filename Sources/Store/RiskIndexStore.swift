import Atlas
import GRDB

extension AtlasStore {
    /// Replaces the results of one index for an area set, in one transaction.
    public func replaceIndex(_ result: RiskIndexResult, extras: IndexExtras, level: AreaLevel, year: Int) throws {
        try write { db in
            let name = result.definition.name.rawValue
            try db.execute(sql: "DELETE FROM area_indices WHERE level = ? AND year = ? AND index_name = ?",
                           arguments: [level.rawValue, year, name])
            try db.execute(sql: "DELETE FROM area_index_components WHERE level = ? AND year = ? AND index_name = ?",
                           arguments: [level.rawValue, year, name])
            try db.execute(sql: "DELETE FROM index_measures WHERE level = ? AND year = ? AND index_name = ?",
                           arguments: [level.rawValue, year, name])
            for (measure, value) in extras.measures {
                try db.execute(sql: "INSERT INTO index_measures (level, year, index_name, measure, value) VALUES (?, ?, ?, ?, ?)",
                               arguments: [level.rawValue, year, name, measure, value])
            }
            let score = try db.makeStatement(sql: """
                INSERT INTO area_indices (level, year, code, index_name, score, percentile, decile, not_ranked_reason,
                                          missing_components, percentile_p5, percentile_p95, top_decile_share,
                                          cluster, cluster_p, under_reached)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let component = try db.makeStatement(sql: """
                INSERT INTO area_index_components (level, year, code, index_name, component, value, percentile)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for s in result.scores {
                let st = extras.stability[s.code], cl = extras.clusters[s.code]
                let under: Bool? = s.ranked ? extras.underReached.map { $0.contains(s.code) } : nil
                try score.execute(arguments: [level.rawValue, year, s.code, name, s.score, s.percentile, s.decile,
                                              s.notRankedReason?.description, s.missingComponents.joined(separator: ";"),
                                              st?.p5, st?.p95, st?.topDecileShare, cl?.cluster.rawValue, cl?.pValue, under])
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
                SELECT code, index_name, score, percentile, decile, not_ranked_reason, missing_components,
                       percentile_p5, percentile_p95, top_decile_share, cluster, under_reached
                FROM area_indices WHERE level = ? AND year = ?
                """, arguments: [level.rawValue, year]) {
                let missing: String = row["missing_components"]
                out[row["code"], default: [:]][row["index_name"]] = StoredIndexScore(
                    score: row["score"], percentile: row["percentile"], decile: row["decile"],
                    notRankedReason: (row["not_ranked_reason"] as String?).map(NotRankedReason.init(stored:)),
                    missingComponents: missing.split(separator: ";").map(String.init),
                    percentileP5: row["percentile_p5"], percentileP95: row["percentile_p95"],
                    topDecileShare: row["top_decile_share"], cluster: row["cluster"], underReached: row["under_reached"])
            }
            return out
        }
    }
}

extension AtlasStore {
    /// Replaces the reach figures of an area set.
    public func replaceReach(_ reach: [String: Reach.AreaReach], level: AreaLevel, year: Int) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM area_reach WHERE level = ? AND year = ?", arguments: [level.rawValue, year])
            let insert = try db.makeStatement(sql: """
                INSERT INTO area_reach (level, year, code, requests, per_1000_households) VALUES (?, ?, ?, ?, ?)
                """)
            for (code, r) in reach.sorted(by: { $0.key < $1.key }) {
                try insert.execute(arguments: [level.rawValue, year, code, r.requests, r.perThousandHouseholds])
            }
        }
    }

    public func reach(level: AreaLevel, year: Int) throws -> [String: Reach.AreaReach] {
        try read { db in
            var out: [String: Reach.AreaReach] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT code, requests, per_1000_households FROM area_reach WHERE level = ? AND year = ?",
                                        arguments: [level.rawValue, year]) {
                out[row["code"]] = Reach.AreaReach(requests: row["requests"], perThousandHouseholds: row["per_1000_households"])
            }
            return out
        }
    }

    /// Index-level measures (Moran's I, Spearman of alternatives) by index name.
    public func indexMeasures(level: AreaLevel, year: Int) throws -> [(index: String, measure: String, value: Double?)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT index_name, measure, value FROM index_measures WHERE level = ? AND year = ? ORDER BY index_name, rowid
                """, arguments: [level.rawValue, year]).map { ($0["index_name"], $0["measure"], $0["value"]) }
        }
    }
}

extension AtlasStore {
    /// Every area's component values and percentiles, ordered by code, index and component.
    public func indexComponents(level: AreaLevel, year: Int)
        throws -> [(code: String, index: String, component: String, value: Double, percentile: Double)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT code, index_name, component, value, percentile FROM area_index_components
                WHERE level = ? AND year = ? ORDER BY code, index_name, component
                """, arguments: [level.rawValue, year]).map {
                ($0["code"], $0["index_name"], $0["component"], $0["value"], $0["percentile"])
            }
        }
    }
}
