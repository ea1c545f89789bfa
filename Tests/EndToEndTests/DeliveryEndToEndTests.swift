import Foundation
import Testing
import TestSupport

/// The flyer delivery lists, end to end: the demo run's PC4 plan split over the synthetic PC6
/// areas, a `target` run with another round size, and a plan chosen among PC6 areas.
@Suite struct DeliveryEndToEndTests {
    static let pc6 = "Data/cbs_pc6_2020_drechtsteden_synthetic.gpkg"

    /// The delivery rows grouped by target area, each checked for the invariants every list has.
    static func checkedLists(_ folder: String, roundSize: Int) throws -> [String: [[String: String]]] {
        let rows = try Fixtures.readSimpleCSV((folder as NSString).appendingPathComponent("delivery.csv"))
        #expect(!rows.isEmpty)
        let lists = Dictionary(grouping: rows) { $0["target_area"]! }
        for (area, stops) in lists {
            // Each postcode once; every stop lies in its target area.
            #expect(Set(stops.map { $0["area_code"]! }).count == stops.count, "\(area): a postcode twice")
            #expect(stops.allSatisfy { $0["area_code"]!.hasPrefix(area) })
            let letterboxes = stops.reduce(0) { $0 + Int($1["letterboxes"]!)! }
            #expect(stops.allSatisfy { Int($0["target_letterboxes"]!)! == letterboxes })
            for (_, round) in Dictionary(grouping: stops, by: { $0["round"]! }) {
                let load = round.reduce(0) { $0 + Int($1["letterboxes"]!)! }
                #expect(round.allSatisfy { Int($0["round_letterboxes"]!)! == load })
                #expect(load <= roundSize || round.count == 1, "\(area): a round of \(load)")
                #expect(round.map { Int($0["stop"]!)! }.sorted() == Array(1...round.count))
                // The round's metres are its legs (each rounded to a metre).
                let legs = round.reduce(0.0) { $0 + Double($1["walk_from_previous_m"]!)! }
                #expect(abs(legs - Double(round[0]["round_walk_m"]!)!) <= Double(round.count))
            }
        }
        return lists
    }

    /// Households of the PC6 areas of one PC4 area in the synthetic file (ogrinfo, not the tool).
    static func households(inPC4 code: String) throws -> [String: Double?] {
        let out = try RunCommandTests.hulpatlasTool("ogrinfo", ["-q", pc6, "-sql",
            "SELECT postcode, aantal_part_huishoudens AS h FROM cbs_pc6_2020_synthetic WHERE postcode LIKE '\(code)%'"])
        var result: [String: Double?] = [:]
        var code: String?
        for line in out.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("postcode (String) = ") { code = String(line.dropFirst(20)) }
            if line.hasPrefix("h (Integer") || line.hasPrefix("h (Real"), let c = code {
                let v = Double(line.split(separator: "=").last!.trimmingCharacters(in: .whitespaces))
                result[c] = v.flatMap { $0 < 0 ? nil : $0 }  // CBS codes (-99997): secret
            }
        }
        return result
    }

    @Test func theDemoPlanIsSplitOverPC6AreasAndAddsUpToItsFlyers() throws {
        #expect(ReportEndToEndTests.run.status == 0, "\(ReportEndToEndTests.run.output)")
        let targets = try Fixtures.readSimpleCSV(ReportEndToEndTests.path("targets.csv"))
        let lists = try Self.checkedLists(ReportEndToEndTests.run.dir.url.path, roundSize: 300)
        #expect(Set(lists.keys) == Set(targets.map { $0["area_code"]! }))
        for target in targets {
            let stops = try #require(lists[target["area_code"]!])
            #expect(stops.reduce(0) { $0 + Int($1["letterboxes"]!)! } == Int(target["flyers"]!)!)
            #expect(stops.allSatisfy { $0["source"] == "pc6" })
        }
        // The split follows the households of the PC6 file (read here with ogrinfo): each stop is
        // within one letterbox of its exact share, a secret count weighing the mean of the others.
        let first = targets[0]["area_code"]!
        let households = try Self.households(inPC4: first)
        let known = households.values.compactMap { $0 }
        let mean = known.reduce(0, +) / Double(known.count)
        let weights = households.mapValues { $0 ?? mean }
        let total = weights.values.reduce(0, +)
        let flyers = Double(targets[0]["flyers"]!)!
        let stops = lists[first]!
        let listed = Set(stops.map { $0["area_code"]! })
        #expect(listed.isSubset(of: Set(weights.keys)))
        for (code, weight) in weights where !listed.contains(code) {
            #expect(flyers * weight / total < 1, "\(code) has a share of a letterbox or more but is not listed")
        }
        for stop in stops {
            let exact = flyers * weights[stop["area_code"]!]! / total
            #expect(abs(Double(stop["letterboxes"]!)! - exact) < 1, "\(stop["area_code"]!)")
        }
        // The printable page: a section per area, a block per round, the PDF beside it.
        let page = try String(contentsOfFile: ReportEndToEndTests.path("delivery.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "class=\"delivery-area\"").count - 1 == targets.count)
        let rounds = Set(stops.map { $0["round"]! }).count
        #expect(page.contains("Ronde \(rounds)") && page.contains("Bezorglijsten flyers"))
        #expect(FileManager.default.fileExists(atPath: ReportEndToEndTests.path("delivery.pdf")))
        let index = try String(contentsOfFile: ReportEndToEndTests.path("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"delivery.html\"") && index.contains("href=\"delivery.csv\""))
    }

    @Test func targetTakesTheRoundSizeAndTheDeliveryAreas() throws {
        let (dir, db) = try TargetAndExportCommandTests.store()
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--budget", "9000", "--round-letterboxes", "150",
                                               "--delivery-areas", Self.pc6, "--out", dir.path("t")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("delivery areas \(Self.pc6):") && r.stdout.contains("\(dir.path("t"))/delivery.csv"))
        let targets = try Fixtures.readSimpleCSV(dir.path("t/targets.csv"))
        let lists = try Self.checkedLists(dir.path("t"), roundSize: 150)
        for target in targets {
            let stops = try #require(lists[target["area_code"]!])
            #expect(stops.reduce(0) { $0 + Int($1["letterboxes"]!)! } == Int(target["flyers"]!)!)
            // Rounds are cut greedily: fewer than twice the minimum number.
            let rounds = Set(stops.map { $0["round"]! }).count
            #expect(rounds >= (Int(target["flyers"]!)! + 149) / 150 && rounds < 2 * (Int(target["flyers"]!)! + 149) / 150 + 1)
        }
        // A file that is not a vector dataset: an error before the plan is stored, and no lists.
        let bad = try RunCommandTests.hulpatlas(["target", "--db", db, "--delivery-areas", Fixtures.path("areas/not_vector.txt"),
                                                 "--out", dir.path("t2")])
        #expect(bad.status != 0 && bad.stderr.contains("not_vector.txt"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path("t2/delivery.csv")))
    }

    @Test func aPC6PlanIsListedByPC4() throws {
        let (dir, db) = try TargetAndExportCommandTests.store()
        let sample = Fixtures.path("areas/cbs_pc6_2020_synthetic_sample.gpkg")
        for step in [["ingest", "areas", sample, "--level", "pc6"], ["index", "--level", "pc6", "--year", "2020"]] {
            let r = try RunCommandTests.hulpatlas(step + ["--db", db])
            #expect(r.status == 0, "\(step): \(r.stderr)")
        }
        let r = try RunCommandTests.hulpatlas(["target", "--db", db, "--level", "pc6", "--year", "2020", "--budget", "3000",
                                               "--out", dir.path("t")])
        #expect(r.status == 0, "\(r.stderr)")
        let targets = try Fixtures.readSimpleCSV(dir.path("t/targets.csv"))
        #expect(targets.count > 20 && targets.allSatisfy { $0["area_code"]!.count == 6 })
        let lists = try Self.checkedLists(dir.path("t"), roundSize: 300)
        let stops = lists.values.flatMap { $0 }
        // Every chosen PC6 area is one stop with its own flyers, under its PC4.
        #expect(stops.count == targets.count)
        let flyers = Dictionary(uniqueKeysWithValues: targets.map { ($0["area_code"]!, $0["flyers"]!) })
        #expect(stops.allSatisfy { flyers[$0["area_code"]!] == $0["letterboxes"] && $0["source"] == "pc6_targets" })
        #expect(stops.allSatisfy { !$0["municipality"]!.isEmpty })
    }
}
