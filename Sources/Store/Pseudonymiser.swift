import Crypto
import Foundation
import GRDB

/// Replaces request and volunteer ids by a keyed hash (HMAC-SHA256, first 96 bits, hex) at
/// ingest, so that the store holds no direct identifier: the same id always gives the same
/// pseudonym in one store (re-ingest updates, never duplicates), and without the store's
/// random key the pseudonym cannot be recomputed from a list of ids.
public struct Pseudonymiser {
    private let key: SymmetricKey

    init(key: Data) { self.key = SymmetricKey(data: key) }

    /// 24 hex characters, e.g. "3f9c0a…".
    public func pseudonym(_ id: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(id.utf8), using: key)
        var out = ""
        out.reserveCapacity(24)
        for byte in mac.prefix(12) {
            out.append(Pseudonymiser.hex[Int(byte >> 4)])
            out.append(Pseudonymiser.hex[Int(byte & 15)])
        }
        return out
    }

    static let hex = Array("0123456789abcdef")

    /// The store's key, made (32 random bytes) the first time it is asked for.
    static func of(_ db: Database) throws -> Pseudonymiser {
        if let key = try Data.fetchOne(db, sql: "SELECT key FROM store_key WHERE id = 1") { return Pseudonymiser(key: key) }
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try db.execute(sql: "INSERT INTO store_key (id, key) VALUES (1, ?)", arguments: [key])
        return Pseudonymiser(key: key)
    }
}
