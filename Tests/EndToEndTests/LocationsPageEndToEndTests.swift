import Foundation
import Testing
import TestSupport

/// locations.html of the demo run: small multiples, one block per location with its own region.
@Suite struct LocationsPageEndToEndTests {
    @Test func eachLocationIsMappedOverItsOwnRegion() throws {
        #expect(ReportEndToEndTests.run.status == 0, "\(ReportEndToEndTests.run.output)")
        let page = try String(contentsOfFile: ReportEndToEndTests.path("locations.html"), encoding: .utf8)
        let municipality = Dictionary(uniqueKeysWithValues: try Fixtures.readSimpleCSV(ReportEndToEndTests.path("areas.csv"))
            .map { ($0["area_code"]!, $0["municipality"]!) })
        let blocks = page.components(separatedBy: "<div class=\"location\" data-location=\"").dropFirst()
        #expect(blocks.map { String($0.prefix { $0 != "\"" }) }
                == ["HipHelpt Dordrecht", "HipHelpt Papendrecht", "HipHelpt Zwijndrecht"])
        var regions: [Set<String>] = []
        for block in blocks {
            // Two maps (debt, loneliness), without area labels (too small to read).
            #expect(block.components(separatedBy: "<svg id=\"map-").count - 1 == 2)
            #expect(!block.contains("class=\"labels\""))
            let codes = Set(block.components(separatedBy: "data-code=\"").dropFirst().map { String($0.prefix(4)) })
            let names = Set(codes.compactMap { municipality[$0] })
            // The block names exactly the municipalities it maps, and never the whole area set.
            let said = block.components(separatedBy: "gebieden in ").dropFirst().first?.prefix { $0 != ";" } ?? ""
            #expect(Set(said.components(separatedBy: ", ")) == names, "\(said) vs \(names)")
            #expect(codes.count < municipality.count)
            regions.append(names)
            // The link goes to a report that was written.
            let link = try #require(block.components(separatedBy: "<a href=\"").dropFirst().first?.prefix { $0 != "\"" })
            #expect(FileManager.default.fileExists(atPath: ReportEndToEndTests.path(String(link))), "\(link)")
        }
        #expect(regions[0] == ["Dordrecht"])
        // Public statistics only: no figure of the match history (those carry data-k on the report pages).
        #expect(!page.contains("data-k="))
        let index = try String(contentsOfFile: ReportEndToEndTests.path("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"locations.html\"") && index.contains("href=\"locations.pdf\""))
        #expect(FileManager.default.fileExists(atPath: ReportEndToEndTests.path("locations.pdf")))
    }
}
