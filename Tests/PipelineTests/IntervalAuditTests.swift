import Atlas
import Foundation
@testable import Pipeline
import Testing

/// The interval audit on folders built to leak (the attacks of issue #20) and on one that does not.
@Suite struct IntervalAuditTests {
    static func folder(_ files: [String: String]) throws -> String {
        let path = IngestAndOutputStageTests.folder()
        for (name, text) in files {
            try text.write(toFile: (path as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return path
    }

    static let quarterlyHeader = "location,quarter,help_requests,info_requests,matched,not_matched,open,total,match_rate,suppressed\n"

    /// The parts stay visible when the whole is hidden: help = 10 + 7 + 0, so info = 19 − 17 = 2.
    /// (Help, pinned to 17, is no finding: a count known to be at least the threshold.)
    @Test func aHiddenCountOfARowIsFoundFromItsParts() throws {
        let folder = try Self.folder(["quarterly.csv": Self.quarterlyHeader + "HipHelpt Dordrecht,2021-Q1,,,10,7,0,19,,1\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.count == 1, "\(audit.findings)")
        #expect(audit.findings.contains { $0.contains("info_requests: hidden") && $0.contains("exactly 2") })
        #expect(audit.hiddenCells == 2 && audit.cells == 6)
    }

    /// The 4000 m bin is 14 for all, 6 and 7 for two locations: the third is 1.
    @Test func aHiddenBinIsFoundFromTheOtherLocations() throws {
        var distances = "grouping,group,matches,same_area_matches,median_m,p75_m,p90_m,share_within_1km,share_within_3km,share_within_5km,suppressed\n"
        var histogram = "grouping,group,bin_from_m,bin_to_m,matches,suppressed\n"
        for (group, matches, bin) in [("all", 40, "14"), ("Dordrecht", 20, "6"), ("Papendrecht", 13, "7"), ("Zwijndrecht", 7, "")] {
            let grouping = group == "all" ? "all" : "location"
            distances += "\(grouping),\(group),\(matches),0,,,,,,,0\n"
            histogram += "\(grouping),\(group),4000,4500,\(bin),\(bin.isEmpty ? 1 : 0)\n"
            histogram += "\(grouping),\(group),0,500,\(bin.isEmpty ? "" : String(matches - Int(bin)!)),\(bin.isEmpty ? 1 : 0)\n"
        }
        let folder = try Self.folder(["distances.csv": distances, "distance_histogram.csv": histogram])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.contains { $0.contains("location=Zwijndrecht from 4000 m: hidden") && $0.contains("exactly 1") },
                "\(audit.findings)")
    }

    /// Two hidden parts of a shown total of 6, linked to nothing else: anywhere from 0 to 6.
    @Test func aHiddenPairThatStaysUncertainIsNoFinding() throws {
        let folder = try Self.folder(["quarterly.csv": Self.quarterlyHeader + "HipHelpt Dordrecht,2021-Q1,10,4,,,4,14,,1\n"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.isEmpty, "\(audit.findings)")
        #expect(audit.hiddenCells == 2 && abs(audit.publishedShare - 4.0 / 6.0) < 1e-9)
    }

    /// Breakdowns: 2021 = 9, 2022 hidden, 2023 = 10, all years = 23, so 2022 = 4.
    @Test func aHiddenYearIsFoundFromTheAllYearsRow() throws {
        var breakdowns = "location,period,dimension,value,count,total,share,suppressed\n"
        for (period, count) in [("2021", "9"), ("2022", ""), ("2023", "10"), ("all", "23")] {
            breakdowns += "Papendrecht,\(period),category,vervoer,\(count),,,1\n"
        }
        let folder = try Self.folder(["breakdowns.csv": breakdowns])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let audit = try AuditStage.intervalAudit(folder: folder, suppression: Suppression(threshold: 5))
        #expect(audit.findings.contains { $0.contains("Papendrecht 2022 category=vervoer: hidden") && $0.contains("exactly 4") },
                "\(audit.findings)")
    }
}
