import Crypto
import Foundation
import GRDB

/// Replaces request and volunteer ids by a keyed hash (HMAC-SHA256, first 96 bits, hex) at
/// ingest, so that the store holds no direct identifier: the same id always gives the same
/// pseudonym in one store (re-ingest updates, never duplicates), and without the store's
/// random key the pseudonym cannot be recomputed from a list of ids.
///
/// Sendable: the keyed state is never changed; every pseudonym works on a copy of it (swift-crypto's
/// digest state is copy-on-write, so the copy is taken before the first update, on any thread).
public struct Pseudonymiser: @unchecked Sendable {
    /// HMAC keyed once: each pseudonym starts from a copy of this state instead of deriving the
    /// key pads again (that was a third of the cost of ingesting a request).
    private let keyed: HMAC<SHA256>

    init(key: Data) { keyed = HMAC<SHA256>(key: SymmetricKey(data: key)) }

    /// 24 hex characters, e.g. "3f9c0a…".
    public func pseudonym(_ id: String) -> String {
        var mac = keyed
        var id = id
        id.withUTF8 { mac.update(data: UnsafeRawBufferPointer($0)) }
        return mac.finalize().withUnsafeBytes { code in
            String(unsafeUninitializedCapacity: 24) { out in
                for k in 0..<12 {
                    out[2 * k] = Pseudonymiser.hexDigits[Int(code[k] >> 4)]
                    out[2 * k + 1] = Pseudonymiser.hexDigits[Int(code[k] & 15)]
                }
                return 24
            }
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    /// The store's key, made (32 random bytes) the first time it is asked for.
    static func of(_ db: Database) throws -> Pseudonymiser {
        if let key = try Data.fetchOne(db, sql: "SELECT key FROM store_key WHERE id = 1") { return Pseudonymiser(key: key) }
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
        try db.execute(sql: "INSERT INTO store_key (id, key) VALUES (1, ?)", arguments: [key])
        return Pseudonymiser(key: key)
    }
}
