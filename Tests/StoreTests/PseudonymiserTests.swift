import Foundation
@testable import Store
import Testing

@Suite struct PseudonymiserTests {
    /// RFC 4231, test case 2: HMAC-SHA256 with key "Jefe" of "what do ya want for nothing?" is
    /// 5bdcc146bf60754e6a042426089575c7…; a pseudonym is its first 96 bits in hex.
    @Test func pseudonymIsTheTruncatedHMACOfRFC4231() {
        let p = Pseudonymiser(key: Data("Jefe".utf8))
        #expect(p.pseudonym("what do ya want for nothing?") == "5bdcc146bf60754e6a042426")
    }

    @Test func theKeyedStateIsNotChangedByUse() {
        let p = Pseudonymiser(key: Data("Jefe".utf8))
        let first = p.pseudonym("R0000001")
        _ = p.pseudonym("something else")
        #expect(p.pseudonym("R0000001") == first)
        #expect(first.count == 24 && first != p.pseudonym("R0000002"))
    }
}
