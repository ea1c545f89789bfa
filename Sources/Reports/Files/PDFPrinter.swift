import Atlas
import Foundation
import Geo

/// Prints report pages to PDF with headless Chromium (its print-to-PDF engine: A4 and the page
/// numbers come from the pages' print style sheet, `ReportStyle`). Each page is printed to a
/// temporary file beside its target and renamed when Chromium has written a whole PDF, so a
/// failed print never leaves a broken file under the real name.
public enum PDFPrinter {
    public enum PrintError: Error, CustomStringConvertible, Equatable {
        case chromiumMissing
        case failed(page: String, reason: String)

        public var description: String {
            switch self {
            case .chromiumMissing:
                return "a PDF needs headless Chromium, which is not installed: apt-get install chromium "
                    + "(or leave out --pdf / [report] pdf)"
            case let .failed(page, reason): return "could not print \(page) to PDF: \(reason)"
            }
        }
    }

    /// The Chromium executable: $HULPATLAS_CHROMIUM, else the first of chromium,
    /// chromium-browser and google-chrome on the PATH.
    public static func chromium() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let given = environment["HULPATLAS_CHROMIUM"], !given.isEmpty {
            return FileManager.default.isExecutableFile(atPath: given) ? given : nil
        }
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in path {
                let candidate = (folder as NSString).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The PDF file of an HTML page: the same name with .pdf.
    public static func pdfName(of page: String) -> String { (page as NSString).deletingPathExtension + ".pdf" }

    /// Prints every page of `pages` (file names in `folder`) beside it; returns the PDF names.
    /// Two pages at a time: each Chromium uses a core.
    public static func print(pages: [String], in folder: String) throws -> [String] {
        guard !pages.isEmpty else { return [] }
        guard let chromium = chromium() else { throw PrintError.chromiumMissing }
        let progress = Progress.sink
        progress.begin("PDF", total: pages.count)
        defer { progress.end() }
        let results = Parallel.map(pages.count) { k -> Result<String, PrintError> in
            defer { progress.advance(1) }
            return Result { () throws(PrintError) in try printPage(pages[k], in: folder, chromium: chromium) }
        }
        return try results.map { try $0.get() }
    }

    static func printPage(_ page: String, in folder: String, chromium: String) throws(PrintError) -> String {
        let source = (folder as NSString).appendingPathComponent(page)
        let name = pdfName(of: page)
        let target = (folder as NSString).appendingPathComponent(name)
        let temporary = VectorFileWriter.temporaryPath(for: target)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("hulpatlas-chromium-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: profile)
            try? FileManager.default.removeItem(atPath: temporary)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--print-to-pdf=\(temporary)",
                             URL(fileURLWithPath: (source as NSString).standardizingPath).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .failed(page: page, reason: "\(error)") }
        // A Chromium that hangs is stopped: no run waits for ever on a page.
        let deadline = Date().addingTimeInterval(180)
        while process.isRunning {
            if Date() > deadline { process.terminate(); throw .failed(page: page, reason: "Chromium did not finish in 180 s") }
            usleep(20_000)
        }
        guard process.terminationStatus == 0,
              let head = FileManager.default.contents(atPath: temporary)?.prefix(5), head == Data("%PDF-".utf8) else {
            throw .failed(page: page, reason: "Chromium exited with \(process.terminationStatus) and wrote no PDF")
        }
        guard rename(temporary, target) == 0 else { throw .failed(page: page, reason: String(cString: strerror(errno))) }
        return name
    }
}
