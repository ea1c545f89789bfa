import Crypto
import Foundation
import GRDB

extension AtlasStore {
    /// The number of changes an analysis reads that the store has seen (ingests, area sets,
    /// stored indices, campaigns): equal numbers, equal inputs.
    public func generation() throws -> Int64 {
        try read { try Int64.fetchOne($0, sql: "SELECT n FROM store_generation WHERE id = 1") ?? 0 }
    }

    /// The SHA-256 of the stored index percentiles of the sets that campaigns are recorded on
    /// ("none" without campaigns): what campaign matching reads of the indices.
    public func campaignIndexState() throws -> String {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM campaigns)") == true else { return "none" }
            var hash = SHA256()
            let rows = try Row.fetchCursor(db, sql: """
                SELECT level, year, code, index_name, percentile FROM area_indices
                WHERE (level, year) IN (SELECT level, year FROM campaigns) ORDER BY level, year, code, index_name
                """)
            while let row = try rows.next() {
                let percentile: Double? = row["percentile"]
                let line = "\(row["level"] as String) \(row["year"] as Int) \(row["code"] as String) \(row["index_name"] as String) "
                    + (percentile.map { String($0.bitPattern) } ?? "-") + "\n"
                hash.update(data: Data(line.utf8))
            }
            return hash.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }

    /// How many analyses the store keeps (for its current generation or older).
    public func keptAnalyses() throws -> Int {
        try read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM analysis_cache") ?? 0 }
    }

    /// The payload kept under `key` for the store's current generation; nil when there is none.
    public func cachedAnalysis(key: String) throws -> Data? {
        try read { db in
            try Data.fetchOne(db, sql: """
                SELECT payload FROM analysis_cache WHERE key = ? AND generation = (SELECT n FROM store_generation WHERE id = 1)
                """, arguments: [key])
        }
    }

    /// Keeps `payload` under `key` for `generation`, when that is still the store's: entries of
    /// older generations are dropped (they can never be served again), and at most `limit`
    /// entries of the current one stay (one per configuration used).
    public func keepAnalysis(key: String, generation: Int64, payload: Data, limit: Int = 8) throws {
        try write { db in
            guard try Int64.fetchOne(db, sql: "SELECT n FROM store_generation WHERE id = 1") == generation else { return }
            try db.execute(sql: "DELETE FROM analysis_cache WHERE generation <> ?", arguments: [generation])
            try db.execute(sql: "INSERT OR REPLACE INTO analysis_cache (key, generation, created_at, payload) VALUES (?, ?, ?, ?)",
                           arguments: [key, generation, ISO8601DateFormatter().string(from: Date()), payload])
            try db.execute(sql: """
                DELETE FROM analysis_cache WHERE key NOT IN (SELECT key FROM analysis_cache ORDER BY created_at DESC, rowid DESC LIMIT ?)
                """, arguments: [limit])
        }
    }
}
