import Atlas
import Foundation
import Reports
import Testing
import TestSupport

@Suite struct OutputFileTests {
    static let names = ["HipHelpt Dordrecht", "HipHelpt/Dordrecht", "hiphelpt  dordrecht", "🙂🙂", "!!!", "all",
                        String(repeating: "Buurthulp Dordrecht-Noord ", count: 20)]

    /// The plain slug lets names meet (the broken version the fix replaces); the slugs do not.
    @Test func reportNamesNeverCollideWhereThePlainSlugDoes() {
        #expect(Set(Self.names.map(QuarterReport.slug)).count < Self.names.count, "negative control: the plain slug collides")
        let scopes = Self.names.map(LocationScope.init)
        let slugs = QuarterReport.slugs(for: scopes)
        let files = scopes.map { QuarterReport(location: $0, quarter: Quarter(index: 8090)).fileName(latest: Quarter(index: 0), slugs: slugs) }
        #expect(Set(files).count == Self.names.count, "\(files)")
        #expect(files.allSatisfy { $0.utf8.count <= 100 && !$0.contains("/") })
        // Stable: the same names give the same files in another run, in another order.
        #expect(QuarterReport.slugs(for: scopes.reversed()) == slugs)
        #expect(slugs[.named("HipHelpt Dordrecht")]!.hasPrefix("hiphelpt-dordrecht-"))
    }

    @Test func formulaCellsAreNeutralisedNumbersAreNot() {
        #expect(SpreadsheetSafe.cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")")
        #expect(SpreadsheetSafe.cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0")
        #expect(SpreadsheetSafe.cell("@SUM(1+1)") == "'@SUM(1+1)")
        #expect(SpreadsheetSafe.cell("-2+3") == "'-2+3")
        #expect(SpreadsheetSafe.cell("\tx") == "'\tx")
        for number in ["-3", "-0.25", "+1.5e3", "12", ""] { #expect(SpreadsheetSafe.cell(number) == number) }
    }

    @Test func temporariesOfKilledRunsAreRemovedOthersKept() throws {
        let dir = try TemporaryDirectory()
        // A pid that cannot be running (above the kernel's pid_max), ours, and an ordinary hidden file.
        let stale = try dir.write(".report-x-2023-Q1.tmp-99999999.html", "<html>half")
        let ours = try dir.write(".areas.tmp-\(getpid()).csv", "a")
        let other = try dir.write(".hidden.csv", "keep")
        try createOutputFolder(dir.url.path)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: ours) && FileManager.default.fileExists(atPath: other))
    }
}
