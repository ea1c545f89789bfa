import Atlas
import Foundation
import GRDB

extension AtlasStore {
    /// Replaces the flyer plan of an area set, in one transaction.
    public func replaceTargetPlan(_ stored: StoredTargetPlan, level: AreaLevel, year: Int) throws {
        let plan = stored.plan
        try write { db in
            let key: StatementArguments = [level.rawValue, year]
            try db.execute(sql: "DELETE FROM target_plans WHERE level = ? AND year = ?", arguments: key)
            try db.execute(sql: """
                INSERT INTO target_plans (level, year, goal, budget, catchment, volunteer_distance_m, category,
                    prefer_under_reached, contiguity_bonus, eligible, expected, expected_low, expected_high,
                    naive_expected, naive_flyers, nothing_chosen_because, catchment_json, nothing_chosen_json)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: key + [stored.goal.rawValue, stored.budget, stored.catchment.description, stored.volunteerDistance,
                                       stored.category?.rawValue, stored.preferUnderReached, stored.contiguityBonus,
                                       plan.eligible, plan.expectedAtRisk.central, plan.expectedAtRisk.low,
                                       plan.expectedAtRisk.high, plan.naiveExpectedAtRisk.central, plan.naiveFlyers,
                                       plan.nothingChosenBecause?.description, try StoredJSON.encode(stored.catchment),
                                       try plan.nothingChosenBecause.map(StoredJSON.encode)])
            let target = try db.makeStatement(sql: """
                INSERT INTO flyer_targets (level, year, rank, code, flyers, cumulative_flyers, expected, expected_low,
                    expected_high, value, nearest_volunteer_m, adjacent_to, why)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for t in plan.targets {
                try target.execute(arguments: key + [t.rank, t.code, t.flyers, t.cumulativeFlyers, t.expectedAtRisk.central,
                                                     t.expectedAtRisk.low, t.expectedAtRisk.high, t.value,
                                                     t.nearestVolunteer, t.adjacentTo, t.reason.encoded])
            }
            let exclusion = try db.makeStatement(sql: """
                INSERT INTO target_exclusions (level, year, code, reason, high_risk_expected) VALUES (?, ?, ?, ?, ?)
                """)
            let highRisk = Dictionary(uniqueKeysWithValues: plan.highRiskWithoutVolunteers.map { ($0.code, $0.expectedAtRisk) })
            for reason in FlyerTargeting.Exclusion.allCases {
                for code in plan.excluded[reason] ?? [] {
                    try exclusion.execute(arguments: key + [code, reason.rawValue, highRisk[code]])
                }
            }
        }
    }

    /// The stored flyer plan of an area set, or nil when `target` has not run for it.
    public func targetPlan(level: AreaLevel, year: Int) throws -> StoredTargetPlan? {
        try read { db -> StoredTargetPlan? in
            let key: StatementArguments = [level.rawValue, year]
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM target_plans WHERE level = ? AND year = ?", arguments: key)
            else { return nil }
            let targets = try Row.fetchAll(db, sql: "SELECT * FROM flyer_targets WHERE level = ? AND year = ? ORDER BY rank",
                                           arguments: key).map { r in
                FlyerTargeting.Target(rank: r["rank"], code: r["code"], flyers: r["flyers"], cumulativeFlyers: r["cumulative_flyers"],
                                      expectedAtRisk: .init(central: r["expected"], low: r["expected_low"], high: r["expected_high"]),
                                      value: r["value"], nearestVolunteer: r["nearest_volunteer_m"], adjacentTo: r["adjacent_to"],
                                      reason: .init(encoded: r["why"]))
            }
            var excluded: [FlyerTargeting.Exclusion: [String]] = [:]
            var highRisk: [(code: String, expectedAtRisk: Double)] = []
            for r in try Row.fetchAll(db, sql: "SELECT * FROM target_exclusions WHERE level = ? AND year = ? ORDER BY code",
                                      arguments: key) {
                guard let reason = FlyerTargeting.Exclusion(rawValue: r["reason"]) else { continue }
                excluded[reason, default: []].append(r["code"])
                if let e: Double = r["high_risk_expected"] { highRisk.append((r["code"], e)) }
            }
            highRisk.sort { ($0.expectedAtRisk, $1.code) > ($1.expectedAtRisk, $0.code) }
            let plan = FlyerTargeting.Plan(
                targets: targets, budget: row["budget"],
                expectedAtRisk: .init(central: row["expected"], low: row["expected_low"], high: row["expected_high"]),
                naiveExpectedAtRisk: .init(central: row["naive_expected"], low: row["naive_expected"], high: row["naive_expected"]),
                naiveFlyers: row["naive_flyers"], eligible: row["eligible"], excluded: excluded,
                highRiskWithoutVolunteers: highRisk,
                nothingChosenBecause: StoredJSON.decode(row["nothing_chosen_json"], or: row["nothing_chosen_because"],
                                                        FlyerTargeting.NothingChosen.self, fallback: { .other($0) }))
            return StoredTargetPlan(goal: FlyerTargeting.Goal(rawValue: row["goal"]) ?? .debt, budget: row["budget"],
                                    catchment: StoredJSON.decode(row["catchment_json"], or: row["catchment"],
                                                                 FlyerTargeting.CatchmentChoice.self, fallback: { .other($0) })
                                        ?? .everywhere,
                                    volunteerDistance: row["volunteer_distance_m"],
                                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                                    preferUnderReached: row["prefer_under_reached"], contiguityBonus: row["contiguity_bonus"],
                                    plan: plan)
        }
    }
}

/// A typed value kept as JSON beside its English text (the text for people and older versions).
enum StoredJSON {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// The value from `json`; from a store written before the JSON column, `fallback` of the text.
    static func decode<T: Decodable>(_ json: String?, or text: String?, _ type: T.Type, fallback: (String) -> T) -> T? {
        if let json, let value = try? JSONDecoder().decode(T.self, from: Data(json.utf8)) { return value }
        return text.map(fallback)
    }
}
