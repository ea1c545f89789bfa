import Foundation
@testable import Reports
import Testing

/// E-mail addresses and phone numbers typed into a text field are found; numbers, dates,
/// coordinates and codes are not.
@Suite struct ContactDetailsTests {
    @Test(arguments: ["jan.jansen@example.nl", "Buurthulp (info@buurthulp-dordrecht.nl)", "06-12345678", "bel 06 1234 5678",
                      "010-1234567", "078 123 45 67", "+31 6 12345678", "+31612345678", "0031612345678"])
    func contactDetailsAreFound(text: String) {
        #expect(ContactDetails.find(in: text) != nil, "\(text)")
    }

    @Test(arguments: ["HipHelpt Dordrecht", "2023-05-01", "3311", "104523.12", "0.8612", "12345678", "0,1234567890",
                      "M104 523L105 524", "Locatie 06", "report-hiphelpt-dordrecht-2023-Q4.html", "0612", "06-1234"])
    func otherTextIsNot(text: String) {
        #expect(ContactDetails.find(in: text) == nil, "\(text)")
    }

    /// The audit flags them in a CSV cell and on a page, and a clean folder stays clean.
    @Test func theAuditFlagsThemInTablesAndPages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-contact-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let csv = (folder as NSString).appendingPathComponent("breakdowns.csv")
        try "location,period,dimension,value,count\nHipHelpt Dordrecht,2023,organisation,Kerk (06-12345678),12\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        try "<html><body><p>Gemaakt door piet@example.org</p><svg><path d=\"M0 612L345 678\"/></svg></body></html>"
            .write(toFile: (folder as NSString).appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        let findings = try PrivacyAudit().run(folder: folder).findings
        #expect(findings.contains { $0.file == "breakdowns.csv" && $0.reason == "a phone number" && $0.field == "value" })
        #expect(findings.contains { $0.file == "report.html" && $0.reason == "an e-mail address" })
        #expect(findings.count == 2, "\(findings)")
        try "location,period,dimension,value,count\nHipHelpt Dordrecht,2023,organisation,Kerk Zuid,12\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent("report.html"))
        #expect(try PrivacyAudit().run(folder: folder).findings.isEmpty)
    }
}
