import ArgumentParser
import Foundation
import Pipeline

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check a reports folder before it is shared; exits non-zero with the findings.",
        discussion: """
            Finds counts below the suppression threshold, PC6 postcodes outside area columns, columns of ids or free \
            text, a store in the folder, and — given the match-history files or the store — any id or free text from \
            them. Example:
              hulpatlas audit Reports/demo --requests Data/sample_requests.csv --helpers Data/sample_helpers.csv
            """)

    @Argument(help: "The folder to check (every CSV, HTML, GeoPackage and XLSX file in it).") var folder: String
    @Option(help: "The suppression threshold (default: the config's, else 5).") var threshold: Int?
    @Option(help: "The match history the folder was made from: its ids and free text must not appear.") var requests: String?
    @Option(help: "The volunteer register the folder was made from: its ids must not appear.") var helpers: String?
    @Option(help: "The store the folder was made from: its pseudonymised ids must not appear.") var db: String?
    @OptionGroup var options: MatchHistoryOptions
    @Flag(help: "Also the interval audit: for every hidden count, how far the published numbers narrow it down (GLPK).")
    var intervals = false

    /// The config's rule for the threshold (`[privacy] suppression_threshold`).
    func validate() throws {
        if let threshold, threshold < 1 { throw ValidationError("--threshold must be a whole number ≥ 1") }
    }

    func run() throws {
        let result = try AuditStage.run(folder: folder, threshold: threshold, requests: requests, helpers: helpers, db: db,
                                        config: try options.load(), intervals: intervals)
        var findings = result.findings
        if let audit = result.intervals {
            print("interval audit \(folder): \(audit.hiddenCells) hidden of \(audit.cells) counts in \(audit.blocks) linked blocks; "
                  + "published \(String(format: "%.1f", 100 * audit.publishedShare))%")
            for file in audit.files {
                print("  \(file.file): \(file.shown) of \(file.cells) counts published (\(String(format: "%.1f", 100 * file.share))%)")
            }
            if !audit.findings.isEmpty {
                print("  \(audit.findings.count) findings: hidden counts narrower than \(audit.protectionWidth + 1) values, statistics over "
                      + "hidden counts, or page figures unlike their tables:")
            }
            findings += audit.findings
        }
        if findings.isEmpty {
            print("audit \(folder): \(result.files) files checked, nothing found (threshold \(result.threshold)"
                  + (result.secrets == 0 ? "" : ", \(result.secrets) ids and texts from the match history") + ")")
            return
        }
        for f in findings.prefix(200) { print(f) }
        if findings.count > 200 { print("… and \(findings.count - 200) more") }
        throw AuditFailure(count: findings.count, folder: folder)
    }
}

struct AuditFailure: Error, CustomStringConvertible {
    let count: Int
    let folder: String
    var description: String { "audit \(folder): \(count) finding\(count == 1 ? "" : "s"); do not share this folder as it is" }
}
