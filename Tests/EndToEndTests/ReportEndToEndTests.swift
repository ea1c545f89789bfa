import Atlas
import Foundation
import Store
import Testing
import TestSupport

/// `hulpatlas run --config Data/demo.toml` (what `make run` does), then the reports are
/// opened in headless Chromium and their numbers compared with the CSV tables.
@Suite(.serialized) struct ReportEndToEndTests {
    static let run: (dir: TemporaryDirectory, status: Int32, output: String) = {
        let dir = try! TemporaryDirectory()
        let r = try! RunCommandTests.hulpatlas(["run", "--config", "Data/demo.toml", "--out", dir.url.path])
        return (dir, r.status, r.stdout + r.stderr)
    }()

    static func path(_ name: String) -> String { run.dir.path(name) }
    static let dordrecht = "report-hiphelpt-dordrecht-2023-Q4.html"

    @Test func indexLinksAReportPerLocationAndQuarter() throws {
        #expect(Self.run.status == 0, "\(Self.run.output)")
        let index = try String(contentsOfFile: Self.path("index.html"), encoding: .utf8)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.run.dir.url.path)
        let reports = files.filter { $0.hasPrefix("report") && $0.hasSuffix(".html") }
        // 3 locations + all locations, 12 quarters (2021-Q1 … 2023-Q4); the latest for all is report.html.
        #expect(reports.count == 48)
        #expect(reports.contains("report.html") && reports.contains(Self.dordrecht))
        #expect(reports.contains("report-hiphelpt-papendrecht-2021-Q1.html"))
        for report in reports { #expect(index.contains("href=\"\(report)\""), "index.html links \(report)") }
        for file in ["targets.csv", "areas.csv", "atlas.gpkg", "hulpatlas.xlsx", "supply_demand.csv", "columns.csv"] {
            #expect(index.contains("href=\"\(file)\""), "index.html links \(file)")
        }
        #expect(!files.contains { $0.contains(".tmp") || $0.hasPrefix(".") }, "no temporary files left: \(files)")
    }

    @Test func reportOpensInChromiumWithoutNetworkAndOnePathPerArea() throws {
        #expect(Self.run.status == 0, "\(Self.run.output)")
        let page = Self.path("report.html")
        let shot = Self.path("report.png")
        let browser = try Chromium.run(file: page, screenshot: shot)
        #expect(browser.pageRequests.isEmpty, "the page asked for network addresses: \(browser.pageRequests)")
        // The detector finds requests where there are some (a page with a web font and an image).
        let leaky = Self.path("leaky.html")
        try "<html><body><img src=\"http://192.0.2.1/x.png\"><link rel=\"stylesheet\" href=\"https://fonts.example.org/a.css\"></body></html>"
            .write(toFile: leaky, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: leaky) }
        #expect(try Chromium.run(file: leaky).pageRequests.count == 2)
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.count > 50_000 && png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a screenshot was rendered")
        // The rendered DOM: the all-locations maps show the organisation's region, the areas of
        // the municipalities its requesters and volunteers live in: each location page's areas,
        // together, one path each (not all 67 areas of the set).
        #expect(try Fixtures.readSimpleCSV(Self.path("areas.csv")).count == 67)
        func codes(_ html: String, _ map: String) throws -> [String] {
            let start = try #require(html.range(of: "<svg id=\"\(map)\"")).upperBound
            let end = try #require(html.range(of: "</svg>", range: start..<html.endIndex)).lowerBound
            return html[start..<end].components(separatedBy: "data-code=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        var region = Set<String>()
        for location in ["dordrecht", "papendrecht", "zwijndrecht"] {
            let page = try String(contentsOfFile: Self.path("report-hiphelpt-\(location)-2023-Q4.html"), encoding: .utf8)
            region.formUnion(try codes(page, "map-debt"))
        }
        #expect(region.count > 10 && region.count < 67, "\(region.count)")
        for map in ["map-debt", "map-loneliness"] {
            let drawn = try codes(browser.dom, map)
            #expect(drawn.count == region.count && Set(drawn) == region)
        }
        // The outlined targets are the rows of targets.csv.
        let targets = try Fixtures.readSimpleCSV(Self.path("targets.csv"))
        #expect(!targets.isEmpty)
        for t in targets { #expect(browser.dom.contains("class=\"area target\" data-code=\"\(t["area_code"]!)\"")) }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: page)[.size] as? Int)
        #expect(size <= 5 * 1024 * 1024)
    }

    /// A location's flyer table lists the chosen areas on its map; when the campaign has others
    /// (in other municipalities), the page says how many of them it lists, so that the table and
    /// the summary agree.
    @Test func theFlyerTableAndItsSummaryAgree() throws {
        #expect(Self.run.status == 0, "\(Self.run.output)")
        let targets = try Fixtures.readSimpleCSV(Self.path("targets.csv"))
        let inDordrecht = targets.filter { $0["municipality"] == "Dordrecht" }
        #expect(inDordrecht.count < targets.count, "the demo plan has areas outside Dordrecht")
        let page = try String(contentsOfFile: Self.path(Self.dordrecht), encoding: .utf8)
        let flyers = inDordrecht.map { Int($0["flyers"]!)! }.reduce(0, +)
        let dutch = flyers >= 1000 ? "\(flyers / 1000).\(String(format: "%03d", flyers % 1000))" : "\(flyers)"
        #expect(page.contains("De tabel toont de \(inDordrecht.count) van deze \(targets.count) gebieden die op deze kaart liggen "
                              + "(\(dutch) flyers)"), "the note on the flyer table")
        let section = try #require(page.range(of: "<section id=\"targets\">").map { page[$0.lowerBound...] })
        let table = section[..<(section.range(of: "</section>")?.lowerBound ?? section.endIndex)]
        #expect(table.components(separatedBy: "<tr><td>").count - 1 == inDordrecht.count)
    }

    /// Every number on a location's page is the same cell of the shared CSV tables, hidden
    /// where the table hides it: the page publishes nothing the audited tables do not.
    @Test func numbersOnThePageEqualTheCSVs() throws {
        #expect(Self.run.status == 0, "\(Self.run.output)")
        let html = try String(contentsOfFile: Self.path(Self.dordrecht), encoding: .utf8)
        let figures = Self.figures(html)
        #expect(figures.count > 60)
        let location = "HipHelpt Dordrecht"
        let supply = try Fixtures.readSimpleCSV(Self.path("supply_demand.csv")).filter { $0["location"] == location }
        let monthly = try Fixtures.readSimpleCSV(Self.path("monthly.csv")).filter { $0["location"] == location }
        let quarterly = try Fixtures.readSimpleCSV(Self.path("quarterly.csv")).filter { $0["location"] == location }
        let targets = try Fixtures.readSimpleCSV(Self.path("targets.csv"))
        let pageFigures = try Fixtures.readSimpleCSV(Self.path("report_figures.csv")).filter { $0["report"] == Self.dordrecht }
        var compared = 0, hidden = 0
        func check(_ key: String, _ page: (value: String, hidden: Bool), _ csv: String?) {
            guard let csv else {
                #expect(page.value.isEmpty && !page.hidden, "\(key): not in the CSV, yet shown")
                return
            }
            #expect(page.value == csv, "\(key): page \(page.value), CSV \(csv)")
            if page.value.isEmpty { hidden += 1 } else { compared += 1 }
        }
        for (key, page) in figures {
            let k = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            switch k[0] {
            case "supply_demand":
                let row = supply.first { $0["period"] == k[1] && $0["category"] == k[2] }
                check(key, page, row?[k[3]])
            case "monthly":
                check(key, page, monthly.first { $0["month"] == k[1] }?[k[2]])
            case "quarterly":
                check(key, page, quarterly.first { $0["quarter"] == k[1] }?[k[2]])
            case "targets":
                check(key, page, targets.first { $0["area_code"] == k[1] }?[k[2]])
            default: break
            }
            // And the page equals report_figures.csv, section by section.
            let row = pageFigures.first { "\($0["section"]!)|\($0["group"]!)|\($0["measure"]!)" == key }
            #expect(row?["value"] == page.value, "\(key) in report_figures.csv")
        }
        #expect(compared > 25, "compared \(compared) numbers")
        #expect(hidden > 0, "the page has hidden numbers, as its tables do")
        // report_figures.csv has every number of the page (and the chart data besides).
        #expect(pageFigures.count >= figures.count)
    }

    /// data-k → (data-v, hidden) of every figure on a page.
    static func figures(_ html: String) -> [String: (value: String, hidden: Bool)] {
        var out: [String: (value: String, hidden: Bool)] = [:]
        for part in html.components(separatedBy: "<span class=\"fig").dropFirst() {
            let hidden = part.hasPrefix(" hid")
            guard let k = part.range(of: "data-k=\""), let kEnd = part.range(of: "\"", range: k.upperBound..<part.endIndex),
                  let v = part.range(of: "data-v=\""), let vEnd = part.range(of: "\"", range: v.upperBound..<part.endIndex)
            else { continue }
            let key = String(part[k.upperBound..<kEnd.lowerBound])
            if out[key] == nil { out[key] = (String(part[v.upperBound..<vEnd.lowerBound]), hidden) }
        }
        return out
    }
}

/// Headless Chromium, offline (every request goes to a closed local proxy port), with a net
/// log: the page's own requests (initiator the file:// page, not Chromium's background
/// services) are the network requests a report must not make.
enum Chromium {
    struct Result { var dom: String; var pageRequests: [String] }

    static var executable: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(file: String, screenshot: String? = nil) throws -> Result {
        guard let chromium = executable else {
            Issue.record("chromium is not installed (make test installs it: apt-get install chromium)")
            return Result(dom: "", pageRequests: ["chromium missing"])
        }
        let scratch = try TemporaryDirectory()
        let netLog = scratch.path("net.json")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                      "--proxy-server=http://127.0.0.1:9", "--user-data-dir=\(scratch.path("profile"))"]
        if let screenshot {
            _ = try launch(chromium, common + ["--window-size=1200,5200", "--screenshot=\(screenshot)", "file://\(file)"])
        }
        let dom = try launch(chromium, common + ["--log-net-log=\(netLog)", "--dump-dom", "file://\(file)"])
        return Result(dom: dom, pageRequests: try pageRequests(netLog: netLog))
    }

    /// URLs requested on behalf of a page: URL_REQUEST_START_JOB events whose initiator is an
    /// origin (a file:// page's is "null"); Chromium's own services have "not an origin".
    static func pageRequests(netLog: String) throws -> [String] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: netLog))) as? [String: Any]
        let constants = json?["constants"] as? [String: Any]
        let types = constants?["logEventTypes"] as? [String: Int]
        guard let start = types?["URL_REQUEST_START_JOB"], let events = json?["events"] as? [[String: Any]] else {
            Issue.record("unreadable net log")
            return ["unreadable net log"]
        }
        return events.compactMap { e -> String? in
            guard e["type"] as? Int == start, let p = e["params"] as? [String: Any], let url = p["url"] as? String,
                  (p["initiator"] as? String) != "not an origin", !url.hasPrefix("file:") else { return nil }
            return url
        }
    }

    static func launch(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// `hulpatlas target` and `hulpatlas export` on a copy of the demo run's store.
@Suite struct TargetAndExportCommandTests {
    static func store() throws -> (TemporaryDirectory, String) {
        #expect(ReportEndToEndTests.run.status == 0)
        let dir = try TemporaryDirectory()
        let db = dir.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: ReportEndToEndTests.path("hulpatlas.sqlite"), toPath: db)
        return (dir, db)
    }

    @Test func targetsStayWithinBudgetAndNearVolunteers() throws {
        let (dir, db) = try Self.store()
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--budget", "20000", "--index", "debt",
                                               "--volunteer-km", "2", "--out", dir.path("t")])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try Fixtures.readSimpleCSV(dir.path("t/targets.csv"))
        #expect(!rows.isEmpty)
        let flyers = rows.map { Int($0["flyers"]!)! }
        #expect(flyers.reduce(0, +) <= 20_000)
        #expect(Int(rows.last!["cumulative_flyers"]!)! == flyers.reduce(0, +))
        #expect(rows.allSatisfy { Double($0["nearest_volunteer_m"]!)! <= 2000 })
        #expect(rows.allSatisfy { $0["flyers"] == $0["households"] })
        #expect(r.stdout.contains("no volunteer nearby"))
        let layers = try RunCommandTests.hulpatlasTool("ogrinfo", ["-q", dir.path("t/targets.gpkg"), "-sql",
                                                                   "SELECT count(*) AS n FROM targets"])
        #expect(layers.contains("n (Integer) = \(rows.count)"))
    }

    @Test func aBudgetBelowEveryAreaChoosesNothingAndSaysWhy() throws {
        let (dir, db) = try Self.store()
        // Without --allow-empty an empty plan while areas are eligible is an error, and the
        // stored plan is left as it was.
        let before = try RunCommandTests.hulpatlas(["target", "--db", db, "--out", dir.path("t0")])
        #expect(before.status == 0, "\(before.stderr)")
        let planned = try Fixtures.readSimpleCSV(dir.path("t0/targets.csv")).count
        let refused = try RunCommandTests.hulpatlas(["target", "--db", db, "--budget", "20", "--out", dir.path("t1")])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("chooses nothing although") && refused.stderr.contains("--allow-empty"))
        #expect(refused.stderr.contains("the budget of 20 flyers is smaller than every eligible area"))
        do {  // the store is closed again before the next command (one process per store at a time)
            let store = try AtlasStore(path: db)
            #expect(try store.targetPlan(level: .pc4, year: 2020)?.plan.targets.count == planned)
        }
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--budget", "20", "--allow-empty", "--out", dir.path("t")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("nothing chosen: the budget of 20 flyers is smaller than every eligible area"))
        #expect(try Fixtures.readSimpleCSV(dir.path("t/targets.csv")).isEmpty)
    }

    @Test func exportsTidyTablesAWorkbookAndAStyledGeoPackage() throws {
        let (dir, db) = try Self.store()
        for format in ["csv", "xlsx", "gpkg"] {
            let r = try RunCommandTests.hulpatlas(["export", "--db", db, "--format", format, "--out", dir.path(format)])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let columns = try Fixtures.readSimpleCSV(dir.path("csv/columns.csv"))
        for table in ["areas", "targets", "supply_demand", "distances", "monthly", "breakdowns"] {
            let header = try String(contentsOfFile: dir.path("csv/\(table).csv"), encoding: .utf8).prefix { $0 != "\n" }
            for column in header.split(separator: ",") where !column.hasPrefix("loneliness_") {
                #expect(columns.contains { $0["table"] == table && $0["column"] == String(column) },
                        "columns.csv documents \(table).\(column)")
            }
        }
        let sheets = try RunCommandTests.hulpatlasTool("ogrinfo", ["-so", "-q", dir.path("xlsx/hulpatlas.xlsx")])
        for sheet in ["areas", "targets", "supply_demand", "columns"] { #expect(sheets.contains(": \(sheet) ")) }
        let styles = try RunCommandTests.hulpatlasTool("ogrinfo", ["-q", dir.path("gpkg/atlas.gpkg"), "-sql",
            "SELECT f_table_name, useAsDefault FROM layer_styles WHERE useAsDefault = 1 ORDER BY f_table_name"])
        #expect(styles.contains("f_table_name (String) = areas") && styles.contains("f_table_name (String) = targets"))
    }
}

/// `hulpatlas audit` on the demo run's folder.
@Suite struct AuditCommandTests {
    @Test func theDemoOutputPassesOnceTheStoreIsOutOfIt() throws {
        #expect(ReportEndToEndTests.run.status == 0)
        let folder = ReportEndToEndTests.run.dir.url.path
        let withStore = try RunCommandTests.hulpatlas(["audit", folder])
        #expect(withStore.status != 0)
        #expect(withStore.stdout.contains("hulpatlas.sqlite: a hulpatlas store holds personal data"))
        #expect(withStore.stderr.contains("do not share this folder as it is"))

        let shared = try TemporaryDirectory()
        for file in try FileManager.default.contentsOfDirectory(atPath: folder)
        where !file.hasPrefix("hulpatlas.sqlite") && !file.hasSuffix(".png") && file != "leaky.html" {
            try FileManager.default.copyItem(atPath: (folder as NSString).appendingPathComponent(file), toPath: shared.path(file))
        }
        let clean = try RunCommandTests.hulpatlas(["audit", shared.url.path, "--requests", "Data/sample_requests.csv",
                                                  "--helpers", "Data/sample_helpers.csv",
                                                  "--db", ReportEndToEndTests.path("hulpatlas.sqlite")])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("nothing found"))

        // A planted leak is found: a request id in a shared CSV.
        try "note\nvraag R00017 teruggebeld\n".write(toFile: shared.path("notes.csv"), atomically: true, encoding: .utf8)
        let leak = try RunCommandTests.hulpatlas(["audit", shared.url.path, "--requests", "Data/sample_requests.csv"])
        #expect(leak.status != 0)
        #expect(leak.stdout.contains("notes.csv:2 [note]: an id or free text from the match history"))
    }
}
