import Foundation
import Testing
import TestSupport

/// `--pdf`: every report page also as an A4 PDF with page numbers, printed by headless Chromium,
/// with the numbers of the HTML page and its table cells (checked with poppler's pdftotext,
/// pdfinfo and pdftoppm, as a board member's PDF reader would show it).
@Suite struct PDFReportEndToEndTests {
    static let run: (dir: TemporaryDirectory, status: Int32, log: String) = {
        let dir = try! TemporaryDirectory()
        let r = try! RunCommandTests.hulpatlas([
            "run", "--areas", "Data/cbs_pc4_2020_drechtsteden.gpkg", "--stats", "Data/pc4_gemeente_drechtsteden.csv",
            "--requests", "Data/sample_requests.csv", "--helpers", "Data/sample_helpers.csv", "--pdf",
            "--out", dir.url.path, "--db", dir.path("atlas.sqlite")])
        return (dir, r.status, r.stdout + r.stderr)
    }()

    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        try RunCommandTests.hulpatlasTool(name, arguments)
    }

    @Test func everyReportHasAnA4PDFWithPageNumbersAndTheTablesNumbers() throws {
        #expect(Self.run.status == 0, "\(Self.run.log)")
        let folder = Self.run.dir.url.path
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("report") && $0.hasSuffix(".html") }
        #expect(pages.count == 4, "\(pages)")
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: Self.run.dir.path(page.replacingOccurrences(of: ".html", with: ".pdf"))), "\(page)")
        }
        let pdf = Self.run.dir.path("report-hiphelpt-dordrecht-2023-Q4.pdf")
        let info = try Self.tool("pdfinfo", [pdf])
        #expect(info.contains("A4"), "\(info)")
        let pageCount = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pageCount >= 2)
        let text = try Self.tool("pdftotext", ["-layout", pdf, "-"])
        // Page numbers at the foot of every page: "1 / N" … "N / N" (pdftotext drops the spaces).
        let compact = text.replacingOccurrences(of: " ", with: "")
        for k in 1...pageCount { #expect(compact.contains("\n\(k)/\(pageCount)\n"), "page number \(k) / \(pageCount)") }
        // The quarter's figures as quarterly.csv has them (Dutch digits: no grouping below 1,000).
        let quarterly = try Fixtures.readSimpleCSV(Self.run.dir.path("quarterly.csv"))
        let row = try #require(quarterly.first { $0["location"] == "HipHelpt Dordrecht" && $0["quarter"] == "2023-Q4" })
        for column in ["help_requests", "matched", "not_matched"] {
            let value = try #require(row[column]).trimmingCharacters(in: .whitespaces)
            #expect(!value.isEmpty && text.contains(value), "\(column) = \(value) not in the PDF")
        }
        let rate = Int((Double(row["match_rate"] ?? "") ?? -1) * 100 + 0.5)
        #expect(text.contains("\(rate)%"), "match rate \(rate)% not in the PDF")
        // The first page renders to an image (what a reader sees).
        let png = Self.run.dir.path("page")
        _ = try Self.tool("pdftoppm", ["-png", "-r", "40", "-f", "1", "-l", "1", pdf, png])
        let image = try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        let size = try image.map { try FileManager.default.attributesOfItem(atPath: Self.run.dir.path($0))[.size] as? Int ?? 0 } ?? 0
        #expect(size > 5_000, "page 1 as PNG: \(size) bytes")
    }

    /// Without Chromium, --pdf says how to install it, before any work.
    @Test func withoutChromiumTheFlagSaysHowToInstallIt() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RunCommandTests.binary)
        process.arguments = ["report", "--db", "/nonexistent/atlas.sqlite", "--out", "/tmp/none", "--pdf"]
        process.environment = ["PATH": "/nonexistent", "HULPATLAS_CHROMIUM": "/nonexistent/chromium"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0 && message.contains("apt-get install chromium"), "\(message)")
    }
}
