import Atlas
import Foundation
import Geo
import Reports
import Testing

/// Two square areas side by side and a small match history, as plain values.
struct ReportScenario {
    var organisation = "Buurtzorg"
    var sociaalRequests = 3

    static func day(_ s: String) -> Day { try! Day(parsing: s) }
    static func pc(_ s: String) -> Postcode { try! Postcode(parsing: s) }

    func data(language: ReportLanguage = .nl) throws -> ReportData {
        let squares = ["3311": (100_000.0, 420_000.0), "3312": (101_000.0, 420_000.0)]
        var geometries: [String: Data] = [:]
        var areas: [AreaRecord] = []
        for (code, (x, y)) in squares.sorted(by: { $0.key < $1.key }) {
            let g = try Geometry(wkt: "POLYGON ((\(x) \(y), \(x + 1000) \(y), \(x + 1000) \(y + 1000), \(x) \(y + 1000), \(x) \(y)))")
            geometries[code] = Data(g.wkb())
            areas.append(AreaRecord(code: code, level: .pc4, year: 2020, municipality: "Dordrecht", areaM2: 1e6,
                                    pointX: x + 500, pointY: y + 500,
                                    values: ["aantal_part_huishoudens": .number(1000)]))
        }
        var requests: [HelpRequest] = []
        func add(_ n: Int, _ category: Category, status: RequestStatus, organisation: String? = nil) {
            for _ in 0..<n {
                requests.append(HelpRequest(id: "R\(requests.count)", createdAt: Self.day("2023-11-0\(1 + requests.count % 9)"),
                                            kind: .hulpvraag, category: category, requesterPostcode: Self.pc("3311AB"),
                                            requesterType: .bewoner, location: "HipHelpt Test", status: status,
                                            closedAt: Self.day("2023-11-20"), helperID: status == .match ? "V1" : nil,
                                            helperPostcode: status == .match ? Self.pc("3312CD") : nil,
                                            organisation: status == .match ? organisation : nil))
            }
        }
        add(14, .praktisch, status: .match, organisation: organisation)
        add(6, .praktisch, status: .geen_match)
        add(sociaalRequests, .sociaal, status: .match, organisation: organisation)
        let helpers = [Helper(id: "V1", postcode: Self.pc("3312CD"), categories: [.praktisch, .sociaal],
                              location: "HipHelpt Test", activeFrom: Self.day("2022-01-01"))]
        let points = ["3311": (x: 100_500.0, y: 420_500.0), "3312": (x: 101_500.0, y: 420_500.0)]
        let locator = Locator(pc6Points: [:], pc4Points: points)
        // Each table's own protection (the linked protection of the set is Pipeline's, tested there).
        let tables = MatchHistoryReport.tables(requests: requests, helpers: helpers, locator: locator, rule: .standard,
                                               suppression: Suppression(threshold: 5)).tables
        return ReportData(areas: areas, geometries: geometries, scores: [:], reach: [:], plan: nil, requests: requests,
                          helpers: helpers, tables: MatchTables(tables), locator: locator,
                          pc4Locator: Locator(pc6Points: [:], pc4Points: points), rule: .standard,
                          suppression: Suppression(threshold: 5), language: language, lowHelpersPerRequest: 0.5,
                          areaSource: "test.gpkg", areaYear: 2020)
    }

    func render(language: ReportLanguage = .nl) throws -> String {
        let report = QuarterReport(location: .named("HipHelpt Test"), quarter: Quarter(label: "2023-Q4")!)
        return report.render(try data(language: language), fileName: "report.html").html
    }
}

@Suite struct QuarterReportTests {
    @Test func organisationNamesAreEscaped() throws {
        let html = try ReportScenario(organisation: "<script>alert(1)</script>").render()
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("<script"))
    }

    @Test func aCategoryWithThreeRequestsIsHidden() throws {
        let html = try ReportScenario(sociaalRequests: 3).render()
        // The supply/demand cell of sociaal: no value, shown as "×" like every hidden number.
        #expect(html.contains("data-k=\"supply_demand|2023-Q4|sociaal|requests\" data-v=\"\">×</span>"))
        // The quarter's help requests (23, quarterly.csv) are on the page, so praktisch (20) is
        // hidden as well: else 23 − 20 would reveal sociaal. The page does not say which is small.
        #expect(html.contains("data-k=\"quarterly|2023-Q4|help_requests\" data-v=\"23\">23</span>"))
        #expect(html.contains("data-k=\"supply_demand|2023-Q4|praktisch|requests\" data-v=\"\">×</span>"))
        #expect(!html.contains("&lt;5"))
        #expect(!html.contains("data-v=\"3\""))
        #expect(!html.contains("data-v=\"20\""))
        let shown = try ReportScenario(sociaalRequests: 7).render()
        #expect(shown.contains("data-k=\"supply_demand|2023-Q4|sociaal|requests\" data-v=\"7\">7</span>"))
        #expect(shown.contains("data-k=\"supply_demand|2023-Q4|praktisch|requests\" data-v=\"20\">20</span>"))
    }

    /// An internal run (threshold 1) hides nothing, and its pages say that they must not be shared.
    @Test func anInternalRunSaysItIsNotForSharing() throws {
        var data = try ReportScenario(sociaalRequests: 3).data()
        data.suppression = Suppression(threshold: 1)
        data.tables = MatchTables(MatchHistoryReport.tables(requests: data.requests, helpers: data.helpers, locator: data.locator,
                                                            rule: data.rule, suppression: data.suppression).tables)
        let report = QuarterReport(location: .named("HipHelpt Test"), quarter: Quarter(label: "2023-Q4")!)
        let html = report.render(data, fileName: "report.html").html
        #expect(html.contains("Interne uitvoer") && html.contains("niet delen"))
        #expect(html.contains("data-k=\"supply_demand|2023-Q4|sociaal|requests\" data-v=\"3\">3</span>"))
        // Negative control: the shared run has no such line.
        #expect(!(try ReportScenario(sociaalRequests: 3).render()).contains("Interne uitvoer"))
    }

    @Test func noNetworkAddressesAndOnePathPerArea() throws {
        let html = try ReportScenario().render()
        for needle in ["http://", "https://", "src=", "@import", "url("] { #expect(!html.contains(needle)) }
        let debtMap = try #require(html.range(of: "<svg id=\"map-debt\"")).upperBound
        let end = try #require(html.range(of: "</svg>", range: debtMap..<html.endIndex)).lowerBound
        let paths = html[debtMap..<end].components(separatedBy: "<path class=\"area").count - 1
        #expect(paths == 2)
    }

    @Test func englishOnRequest() throws {
        let html = try ReportScenario().render(language: .en)
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("The quarter at a glance"))
        #expect(try ReportScenario().render().contains("Het kwartaal in één oogopslag"))
    }

    @Test func noPostcodesOrIdsFromTheMatchHistory() throws {
        let html = try ReportScenario().render()
        for secret in ["3311AB", "3312CD", "R1\"", "V1\"", ">R1<", ">V1<"] { #expect(!html.contains(secret)) }
    }
}

@Suite struct HTMLTests {
    @Test func interpolationEscapesTextButNotMarkup() {
        let name = "Tom & \"Jerry\" <b>"
        let inner: HTML = "<b>bold</b>"
        let page: HTML = "<p title=\"\(name)\">\(name) \(inner)</p>"
        #expect(page.markup == "<p title=\"Tom &amp; &quot;Jerry&quot; &lt;b&gt;\">Tom &amp; &quot;Jerry&quot; &lt;b&gt; <b>bold</b></p>")
        #expect(HTML.escape("it's") == "it&#39;s")
    }
}
