@testable import Reports
import Testing

/// Person-like names in a text column, and the organisation and place names that must pass.
@Suite struct PersonNamesTests {
    @Test(arguments: ["Jan de Vries", "J. Jansen", "A.B. van Dijk", "mevr. Bakker", "dhr Smit", "Fatima El Amrani",
                      "Mohammed Yilmaz", "HipHelpt Piet Jansen", "Kees van der Berg"])
    func namesAreFound(_ text: String) {
        #expect(PersonNames.find(in: text) != nil, "\(text)")
    }

    @Test(arguments: ["HipHelpt Dordrecht", "Rode Kruis", "Sociaal wijkteam", "SchuldHulpMaatje", "Present Drechtsteden",
                      "Diaconie", "Humanitas", "Stichting De Hoop", "Protestantse Gemeente Zwijndrecht", "unknown",
                      "praktisch", "Leger des Heils", "Buurthulp Oud-Krispijn", "2023-Q4"])
    func organisationsPass(_ text: String) {
        #expect(PersonNames.find(in: text) == nil, "\(text)")
    }

    /// Through the audit: a name typed into the organisation field of an export is a finding.
    @Test func theAuditFlagsANameInATable() {
        let audit = PrivacyAudit(threshold: 5, secrets: [])
        let found = audit.check(file: "breakdowns.csv", line: 4, column: "value", value: "Jan de Vries")
        #expect(found.contains { $0.reason.contains("person's name") })
        #expect(audit.check(file: "breakdowns.csv", line: 4, column: "value", value: "Rode Kruis").isEmpty)
    }
}
