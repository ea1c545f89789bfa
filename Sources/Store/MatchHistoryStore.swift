import Atlas
import Foundation
import GRDB

/// How an upsert changed the store.
public struct UpsertCounts: Sendable, Equatable {
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public init() {}
}

/// Upserts requests or helpers by id inside the caller's transaction.
public final class RecordUpserter {
    private let db: Database
    private let statement: DirectStatement
    private let countSQL: String
    public private(set) var counts = UpsertCounts()
    private var rowsBefore: Int
    private var changed = 0

    init(db: Database, table: String, key: String, columns: [String]) throws {
        self.db = db
        let all = [key] + columns + ["run_id"]
        let placeholders = all.map { _ in "?" }.joined(separator: ", ")
        let differs = columns.map { "\(table).\($0) IS NOT excluded.\($0)" }.joined(separator: " OR ")
        statement = try DirectStatement(db, sql: """
            INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders))
            ON CONFLICT(\(key)) DO UPDATE SET \(columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")),
                run_id = excluded.run_id
            WHERE \(differs)
            """)
        countSQL = "SELECT COUNT(*) FROM \(table)"
        rowsBefore = try Int.fetchOne(db, sql: countSQL) ?? 0
    }

    /// Upserts one row: `bind` binds its values (key, columns, run id) to the statement.
    func upsert(_ bind: (DirectStatement) throws -> Void) throws {
        try bind(statement)
        if try statement.step() > 0 { changed += 1 } else { counts.unchanged += 1 }
    }

    /// Final counts: rows inserted are the growth of the table; the other changes were updates.
    public func finish() throws -> UpsertCounts {
        let after = try Int.fetchOne(db, sql: countSQL) ?? 0
        counts.inserted = after - rowsBefore
        counts.updated = changed - counts.inserted
        return counts
    }
}

extension AtlasStore {
    static let requestColumns = ["created_at", "kind", "category", "subcategory", "requester_postcode", "requester_type",
                                 "location", "status", "closed_at", "helper_id", "helper_postcode", "organisation",
                                 "requester_gender", "requester_age_band", "referral_kind", "requester_id"]
    static let helperColumns = ["postcode", "categories", "location", "active_from", "active_until", "church"]

    /// The store's pseudonymiser for ids (made with its key on first use).
    public static func pseudonymiser(_ db: Database) throws -> Pseudonymiser { try Pseudonymiser.of(db) }

    public static func requestUpserter(_ db: Database) throws -> RecordUpserter {
        try RecordUpserter(db: db, table: "requests", key: "request_id", columns: requestColumns)
    }

    public static func helperUpserter(_ db: Database) throws -> RecordUpserter {
        try RecordUpserter(db: db, table: "helpers", key: "helper_id", columns: helperColumns)
    }

    /// The request with its id, its volunteer's id and its requester's id replaced by pseudonyms.
    static func pseudonymised(_ r: HelpRequest, ids: Pseudonymiser) -> HelpRequest {
        var copy = r
        copy.id = ids.pseudonym(r.id)
        copy.helperID = r.helperID.map(ids.pseudonym)
        copy.requesterID = r.requesterID.map(ids.pseudonym)
        return copy
    }

    static func pseudonymised(_ h: Helper, ids: Pseudonymiser) -> Helper {
        var copy = h
        copy.id = ids.pseudonym(h.id)
        return copy
    }

    /// Binds the row of a (pseudonymised) request: key, columns, run id.
    static func bind(_ r: HelpRequest, runID: Int64, to row: DirectStatement) throws {
        let texts: [String?] = [
            r.id, r.createdAt.description, r.kind.rawValue, r.category?.rawValue, r.subcategory,
            r.requesterPostcode?.code, r.requesterType?.rawValue, r.location, r.status.rawValue,
            r.closedAt?.description, r.helperID, r.helperPostcode?.code, r.organisation,
            r.requesterGender?.rawValue, r.requesterAgeBand?.rawValue, r.referralKind?.rawValue, r.requesterID,
        ]
        for (k, text) in texts.enumerated() { try row.bind(CInt(k + 1), text) }
        try row.bind(CInt(texts.count + 1), runID)
    }

    static func bind(_ h: Helper, runID: Int64, to row: DirectStatement) throws {
        let texts: [String?] = [h.id, h.postcode?.code, h.categories.sorted().map(\.rawValue).joined(separator: ";"),
                                h.location, h.activeFrom.description, h.activeUntil?.description, h.church]
        for (k, text) in texts.enumerated() { try row.bind(CInt(k + 1), text) }
        try row.bind(CInt(texts.count + 1), runID)
    }

    /// Every stored request, in the order first ingested.
    public func requests() throws -> [HelpRequest] {
        try read { db in
            var out: [HelpRequest] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT request_id, created_at, kind, category, subcategory, requester_postcode, requester_type,
                       location, status, closed_at, helper_id, helper_postcode, organisation,
                       requester_gender, requester_age_band, referral_kind, requester_id
                FROM requests ORDER BY rowid
                """)
            while let row = try cursor.next() {
                // Rows were validated on the way in; a row that no longer parses means a hand-edited store.
                guard let created = try? Day(parsing: row["created_at"] as String),
                      let kind = RequestKind(rawValue: row["kind"]), let status = RequestStatus(rawValue: row["status"])
                else { throw StoreError.corruptRow(table: "requests", id: row["request_id"]) }
                out.append(HelpRequest(
                    id: row["request_id"], createdAt: created, kind: kind,
                    category: (row["category"] as String?).flatMap(Category.init(rawValue:)),
                    subcategory: row["subcategory"],
                    requesterPostcode: (row["requester_postcode"] as String?).flatMap { try? Postcode(parsing: $0) },
                    requesterType: (row["requester_type"] as String?).flatMap(RequesterType.init(rawValue:)),
                    location: row["location"], status: status,
                    closedAt: (row["closed_at"] as String?).flatMap { try? Day(parsing: $0) },
                    helperID: row["helper_id"],
                    helperPostcode: (row["helper_postcode"] as String?).flatMap { try? Postcode(parsing: $0) },
                    organisation: row["organisation"],
                    requesterGender: (row["requester_gender"] as String?).flatMap(Gender.init(rawValue:)),
                    requesterAgeBand: (row["requester_age_band"] as String?).flatMap(AgeBand.init(rawValue:)),
                    referralKind: (row["referral_kind"] as String?).flatMap(ReferralKind.init(rawValue:)),
                    requesterID: row["requester_id"]))
            }
            return out
        }
    }

    /// Every stored volunteer, ordered by id.
    public func helpers() throws -> [Helper] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT helper_id, postcode, categories, location, active_from, active_until, church FROM helpers ORDER BY rowid
                """).map { row in
                guard let from = try? Day(parsing: row["active_from"] as String) else {
                    throw StoreError.corruptRow(table: "helpers", id: row["helper_id"])
                }
                let categories = (row["categories"] as String).split(separator: ";").compactMap { Category(rawValue: String($0)) }
                return Helper(id: row["helper_id"], postcode: (row["postcode"] as String?).flatMap { try? Postcode(parsing: $0) },
                              categories: Set(categories), location: row["location"], activeFrom: from,
                              activeUntil: (row["active_until"] as String?).flatMap { try? Day(parsing: $0) },
                              church: row["church"])
            }
        }
    }

    /// Point of every stored area, by code, for the newest year of a level.
    public func areaPoints(level: AreaLevel) throws -> [String: (x: Double, y: Double)] {
        try read { db in
            guard let year = try Int.fetchOne(db, sql: "SELECT MAX(year) FROM area_sets WHERE level = ?",
                                              arguments: [level.rawValue]) else { return [:] }
            var out: [String: (x: Double, y: Double)] = [:]
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT code, point_x, point_y FROM areas WHERE level = ? AND year = ? AND point_x IS NOT NULL
                """, arguments: [level.rawValue, year])
            while let row = try cursor.next() { out[row["code"]] = (row["point_x"], row["point_y"]) }
            return out
        }
    }
}
