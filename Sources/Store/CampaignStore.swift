import Atlas
import Foundation
import GRDB

/// A delivered flyer campaign as the store keeps it: where it went (the areas of one area set,
/// with their flyers), when, and where the list came from.
public struct StoredCampaign: Sendable, Equatable {
    public var name: String
    public var delivered: Day
    public var level: AreaLevel
    public var year: Int
    public var goal: FlyerTargeting.Goal?
    /// "plan" (the stored flyer plan) or the name of the CSV it was read from.
    public var source: String
    public var flyers: [String: Int]

    public init(name: String, delivered: Day, level: AreaLevel, year: Int, goal: FlyerTargeting.Goal?, source: String,
                flyers: [String: Int]) {
        self.name = name
        self.delivered = delivered
        self.level = level
        self.year = year
        self.goal = goal
        self.source = source
        self.flyers = flyers
    }

    public var campaign: CampaignEvaluation.Campaign { .init(name: name, delivered: delivered, flyers: flyers) }
}

extension AtlasStore {
    /// Stores `campaign` in one transaction, replacing one of the same name; true when it replaced one.
    @discardableResult
    public func replaceCampaign(_ campaign: StoredCampaign) throws -> Bool {
        try replaceCampaigns([campaign]).first ?? false
    }

    /// Stores `campaigns` in one transaction (all or none), each replacing one of its name;
    /// per campaign, whether it replaced one. A campaign stored exactly so already is left as
    /// it is (nothing written: the analyses kept for the store stay valid).
    public func replaceCampaigns(_ campaigns: [StoredCampaign]) throws -> [Bool] {
        let stored = Dictionary(try self.campaigns().map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return try write { db in
            try campaigns.map { c in stored[c.name] == c ? true : try Self.replace(c, db) }
        }
    }

    private static func replace(_ campaign: StoredCampaign, _ db: Database) throws -> Bool {
        let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM campaigns WHERE name = ?", arguments: [campaign.name]) ?? false
        try db.execute(sql: "DELETE FROM campaign_areas WHERE campaign = ?", arguments: [campaign.name])
        try db.execute(sql: "DELETE FROM campaigns WHERE name = ?", arguments: [campaign.name])
        try db.execute(sql: "INSERT INTO campaigns (name, delivered, level, year, goal, source) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [campaign.name, campaign.delivered.description, campaign.level.rawValue, campaign.year,
                                   campaign.goal?.rawValue, campaign.source])
        let area = try db.makeStatement(sql: "INSERT INTO campaign_areas (campaign, code, flyers) VALUES (?, ?, ?)")
        for (code, flyers) in campaign.flyers.sorted(by: { $0.key < $1.key }) {
            try area.execute(arguments: [campaign.name, code, flyers])
        }
        return existed
    }

    /// Removes a campaign; false when there is none of that name.
    public func removeCampaign(named name: String) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM campaign_areas WHERE campaign = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM campaigns WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    /// The stored campaigns (of one area set when given), by delivery date.
    public func campaigns(level: AreaLevel? = nil, year: Int? = nil) throws -> [StoredCampaign] {
        try read { db in
            var flyers: [String: [String: Int]] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT campaign, code, flyers FROM campaign_areas") {
                flyers[r["campaign"], default: [:]][r["code"]] = r["flyers"]
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM campaigns ORDER BY delivered, name").compactMap { r -> StoredCampaign? in
                guard let day = try? Day(parsing: r["delivered"] as String), let lvl = AreaLevel(rawValue: r["level"]) else {
                    throw StoreError.corruptRow(table: "campaigns", id: r["name"])
                }
                let y: Int = r["year"]
                if let level, lvl != level { return nil }
                if let year, y != year { return nil }
                return StoredCampaign(name: r["name"], delivered: day, level: lvl, year: y,
                                      goal: (r["goal"] as String?).flatMap(FlyerTargeting.Goal.init(rawValue:)),
                                      source: r["source"], flyers: flyers[r["name"]] ?? [:])
            }
        }
    }
}
