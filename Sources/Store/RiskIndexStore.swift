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
            // Bound through SQLite's C API: 456,661 PC6 areas with up to 8 components each.
            let score = try DirectStatement(db, sql: """
                INSERT INTO area_indices (level, year, code, index_name, score, percentile, decile, not_ranked_reason,
                                          missing_components, percentile_p5, percentile_p95, top_decile_share,
                                          cluster, cluster_p, under_reached)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            let component = try DirectStatement(db, sql: """
                INSERT INTO area_index_components (level, year, code, index_name, component, value, percentile)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for statement in [score, component] {
                try statement.bind(1, level.rawValue)
                try statement.bind(2, Int64(year))
                try statement.bind(4, name)
            }
            for s in result.scores {
                let st = extras.stability[s.code], cl = extras.clusters[s.code]
                let under: Bool? = s.ranked ? extras.underReached.map { $0.contains(s.code) } : nil
                try score.bind(3, s.code)
                try score.bind(5, s.score)
                try score.bind(6, s.percentile)
                try score.bind(7, s.decile.map(Int64.init))
                try score.bind(8, s.notRankedReason?.description)
                try score.bind(9, s.missingComponents.joined(separator: ";"))
                try score.bind(10, st?.p5)
                try score.bind(11, st?.p95)
                try score.bind(12, st?.topDecileShare)
                try score.bind(13, cl?.cluster.rawValue)
                try score.bind(14, cl?.pValue)
                try score.bind(15, under.map { $0 ? 1 : 0 } as Int64?)
                try score.step()
                try component.bind(3, s.code)
                for (c, v) in s.components.sorted(by: { $0.key < $1.key }) {
                    try component.bind(5, c)
                    try component.bind(6, v.value)
                    try component.bind(7, v.percentile)
                    try component.step()
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
