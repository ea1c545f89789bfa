import Foundation
import Reports
import Testing
import TestSupport

@Suite struct PrivacyAuditTests {
    func folder(_ files: [String: String]) throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for (name, text) in files { try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8) }
        return dir
    }

    @Test func aCleanFolderHasNoFindings() throws {
        let dir = try folder([
            "supply_demand.csv": "location,period,category,requests,matched,suppressed\nL,2023-Q4,praktisch,12,0,0\nL,2023-Q4,sociaal,,,1\n",
            "areas.csv": "area_code,requests,households\n3311AB,,1200\n3312,7,3\n",
            "report.html": "<html><p>Periode 2023-10-01 – 2023-12-31, binnen 3000 m</p><span class=\"fig\" data-k=\"glance|2023-Q4|help_requests\" data-v=\"23\">23</span></html>\n",
        ])
        let result = try PrivacyAudit(threshold: 5, secrets: ["R00001", "Jansen"]).run(folder: dir.url.path)
        #expect(result.files == 3)
        #expect(result.findings.isEmpty, "\(result.findings)")
    }

    @Test func findsSmallCountsPostcodesIdsFreeTextAndStores() throws {
        let dir = try folder([
            "supply_demand.csv": "location,period,category,requests\nL,2023-Q4,sociaal,3\n",
            "report_figures.csv": "report,section,group,measure,value,suppressed\nr.html,glance,2023-Q4,help_requests,2,0\nr.html,reach,3311,requests_per_1000_households,2,0\n",
            "notes.csv": "naam,remark\nmevrouw Jansen,woont op 3311 AB nummer 4\n",
            "report.html": "<html><p>Vraag R00001 van 3312CD</p><span class=\"fig\" data-k=\"glance|2023-Q4|matched\" data-v=\"4\">4</span>"
                + "<svg class=\"chart\"><rect class=\"bar\" x=\"1\"><title>jan 23: 3</title></rect></svg></html>\n",
            "hulpatlas.sqlite": "",
        ])
        let findings = try PrivacyAudit(threshold: 5, secrets: ["R00001", "mevrouw Jansen"]).run(folder: dir.url.path).findings
        func has(_ file: String, _ reason: String) -> Bool { findings.contains { $0.file == file && $0.reason.contains(reason) } }
        #expect(has("supply_demand.csv", "a count below the suppression threshold of 5"))
        #expect(has("report_figures.csv", "a count below"))
        #expect(!findings.contains { $0.file == "report_figures.csv" && $0.line == 3 }, "a rate is not a count")
        #expect(has("notes.csv", "a column of identifiers or free text"))
        #expect(has("notes.csv", "a PC6 postcode"))
        #expect(has("notes.csv", "an id or free text from the match history"))
        #expect(has("report.html", "a PC6 postcode"))
        #expect(has("report.html", "an id or free text"))
        #expect(has("report.html", "a count below"))
        #expect(has("report.html", "a bar shows a count below"))
        #expect(has("hulpatlas.sqlite", "personal data"))
    }

    @Test func areaCodesAndMapsMayHoldPC6Areas() throws {
        // A PC6-level run lists PC6 areas (not requesters) in area columns, maps and area tables.
        let dir = try folder([
            "targets.csv": "rank,area_code,adjacent_to\n1,3311AB,3311AC\n",
            "report.html": "<html><svg id=\"map-debt\" viewBox=\"0 0 1 1\"><path class=\"area\" data-code=\"3311AB\"><title>3311AB</title></path></svg>"
                + "<section id=\"targets\"><table><tr><th>3311AB</th></tr></table></section></html>\n",
        ])
        #expect(try PrivacyAudit().run(folder: dir.url.path).findings.isEmpty)
    }
}

@Suite struct PrivacyAuditUnreadableTests {
    /// A broken GeoPackage and XLSX are findings, and the audit still finds what the CSV after
    /// them holds.
    @Test func unreadableFilesAreFindingsAndTheAuditGoesOn() throws {
        let dir = try TemporaryDirectory()
        _ = try dir.write("a_broken.gpkg", "not a geopackage")
        _ = try dir.write("b_broken.xlsx", "PK not a workbook")
        _ = try dir.write("c_table.csv", "location,help_requests\nDordrecht,3\n")
        let findings = try PrivacyAudit(threshold: 5).run(folder: dir.url.path).findings
        #expect(findings.filter { $0.reason.hasPrefix("cannot be read") }.map(\.file).sorted() == ["a_broken.gpkg", "b_broken.xlsx"])
        #expect(findings.contains { $0.file == "c_table.csv" && $0.reason.contains("below the suppression threshold") })
    }
}
