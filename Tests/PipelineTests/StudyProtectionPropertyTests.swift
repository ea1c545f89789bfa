import Atlas
import Foundation
@testable import Pipeline
import Reports
import Testing

/// Random small histories with a study period that cuts quarters and months, in one location or
/// in all: after the disclosure step the study beside every other table passes the interval
/// audit; with each table's own suppression only, some of them do not (the audit can fail).
@Suite struct StudyProtectionPropertyTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// The day `offset` days after 2022-01-01.
    static func day(_ offset: Int) -> Day {
        var (year, month, left) = (2022, 1, offset)
        while left >= Day.daysIn(month: month, year: year) {
            left -= Day.daysIn(month: month, year: year)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return Day(year: year, month: month, day: left + 1)!
    }

    static func history(seed: UInt64) -> (requests: [HelpRequest], helpers: [Helper], period: StudyPeriod) {
        var g = Generator(state: seed)
        let start = Day(year: 2022, month: 1, day: 1)!
        let locations = ["Groot", "Klein"]
        var helpers: [Helper] = []
        for k in 0..<12 {
            helpers.append(Helper(id: "h\(k)", postcode: nil, categories: Set(Category.allCases), location: locations[k % 2],
                                  activeFrom: start, church: ["Kerk A", "Kerk B", nil][k % 3]))
        }
        var requests: [HelpRequest] = []
        for k in 0..<(160 + g.next(80)) {
            let location = g.next(5) == 0 ? "Klein" : "Groot"
            let offset = g.next(540)
            let created = Self.day(offset)
            let info = g.next(7) == 0
            let status: RequestStatus = info ? .afgehandeld
                : [.match, .match, .match, .doorverwezen, .geen_match, .afgewezen, .in_behandeling][g.next(7)]
            let matched = status == .match
            requests.append(HelpRequest(
                id: "r\(k)", createdAt: created, kind: info ? .informatievraag : .hulpvraag,
                category: info ? nil : [.praktisch, .praktisch, .praktisch, .sociaal, .vervoer][g.next(5)],
                subcategory: info ? nil : ["boodschappen", "klussen", "maatje"][g.next(3)], requesterPostcode: nil,
                requesterType: info ? nil : [.bewoner, .bewoner, .naaste, .sociaal_makelaar][g.next(4)], location: location,
                status: status, closedAt: Self.day(offset + g.next(20)),
                helperID: matched ? "h\(g.next(12))" : nil, organisation: matched || status == .doorverwezen ? ["Kerk", "Present"][g.next(2)] : nil,
                requesterGender: info ? nil : [.vrouw, .vrouw, .man, nil][g.next(4)],
                requesterAgeBand: info ? nil : AgeBand.allCases[g.next(4)],
                referralKind: status == .doorverwezen ? [.informeel, .formeel, nil][g.next(3)] : nil))
        }
        let from = Self.day(20 + g.next(120)), to = Self.day(300 + g.next(200))
        let period = StudyPeriod(from: from, to: to, location: g.next(2) == 0 ? Vocabulary.reservedLocation : "Groot", minCases: 10)
        return (requests, helpers, period)
    }

    static func findings(_ tables: [PublishedTable], threshold: Suppression) -> (narrow: Int, statistics: Int) {
        let model = PublishedTablesModel(tables)
        let narrow = IntervalAudit.run(model.tables, suppression: threshold).findings.count
        let statistics = model.statistics.filter { $0.shown && !model.hiddenInputs(of: $0).isEmpty }.count
        return (narrow, statistics)
    }

    @Test func theStudyBesideEveryTablePassesTheAuditAfterProtection() throws {
        let five = Suppression(threshold: 5)
        let locator = Locator(pc6Points: [:], pc4Points: [:])
        var weakFindings = 0
        for seed in UInt64(1)...10 {
            let h = Self.history(seed: seed)
            let protected = try Disclosure.analysis(requests: h.requests, helpers: h.helpers, locator: locator, rule: .standard,
                                                    suppression: five, study: h.period)
            #expect(protected.tables.contains { $0.file == "study_outcomes.csv" })
            let after = Self.findings(protected.tables, threshold: five)
            #expect(after.narrow == 0 && after.statistics == 0, "seed \(seed) (\(h.period.from)–\(h.period.to), \(h.period.location)): \(after)")
            // The weakened version: every table with its own suppression only.
            let primary = MatchHistoryReport.tables(requests: h.requests, helpers: h.helpers, locator: locator, rule: .standard,
                                                    suppression: five).tables
                + StudyTables.tables(Study.compute(h.requests, helpers: h.helpers, period: h.period, rule: .standard), suppression: five)
            let before = Self.findings(primary, threshold: five)
            weakFindings += before.narrow + before.statistics
        }
        #expect(weakFindings > 0, "each table's own suppression should leak somewhere in ten random histories")
    }
}
