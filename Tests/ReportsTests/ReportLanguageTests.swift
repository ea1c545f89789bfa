import Atlas
import Foundation
@testable import Reports
import Testing

/// A page is in one language: the Dutch page carries none of the catalogue's English phrases, and
/// the reasons and catchment that Atlas gives as typed values are said in the page's language.
@Suite struct ReportLanguageTests {
    /// The scenario with an index that ranks one area and not the other, and a stored plan that chose nothing.
    static func page(_ language: ReportLanguage) throws -> String {
        var data = try ReportScenario().data(language: language)
        func score(_ percentile: Double?, _ reason: NotRankedReason?) -> StoredIndexScore {
            StoredIndexScore(score: percentile, percentile: percentile, decile: nil, notRankedReason: reason, missingComponents: [],
                             percentileP5: nil, percentileP95: nil, topDecileShare: nil, cluster: nil, underReached: false)
        }
        data.scores = ["3311": ["debt": score(80, nil), "loneliness": score(nil, .tooFewInhabitants(minimum: 50))],
                       "3312": ["debt": score(nil, .populationUnknown), "loneliness": score(nil, .missingComponents(missing: 3, of: 4))]]
        let plan = FlyerTargeting.Plan(targets: [], budget: 100, expectedAtRisk: .zero, naiveExpectedAtRisk: .zero, naiveFlyers: 0,
                                       eligible: 2, excluded: [:], highRiskWithoutVolunteers: [],
                                       nothingChosenBecause: .budgetTooSmall(budget: 100, first: "3311", firstFlyers: 900,
                                                                             smallest: "3312", smallestFlyers: 400))
        data.plan = StoredTargetPlan(goal: .combined, budget: 100, catchment: .nearVolunteers(km: 2, category: .sociaal),
                                     volunteerDistance: 3000, category: nil, preferUnderReached: true, contiguityBonus: nil, plan: plan)
        let report = QuarterReport(location: .named("HipHelpt Test"), quarter: Quarter(label: "2023-Q4")!)
        return report.render(data, fileName: "report.html").html
    }

    /// English phrases that differ from their Dutch and are long enough not to be a shared word
    /// ("matches", "flyers").
    static let englishOnly = Phrase.withoutParameters.map(\.english).filter { english in
        english.count >= 12 && !Phrase.withoutParameters.contains { $0.dutch == english }
    }

    @Test func theDutchPageCarriesNoEnglish() throws {
        let dutch = try Self.page(.nl)
        let english = try Self.page(.en)
        let found = Self.englishOnly.filter { dutch.contains(HTML.escape($0)) }
        #expect(found.isEmpty, "\(found)")
        // Negative control: the same check finds the English page's phrases.
        #expect(Self.englishOnly.filter { english.contains(HTML.escape($0)) }.count > 40)
        // The typed reasons, in each language.
        for text in ["minder dan 50 inwoners", "inwonertal onbekend", "3 van de 4 onderdelen ontbreken",
                     "het budget van 100 flyers is kleiner dan elk geschikt gebied"] {
            #expect(dutch.contains(text) || dutch.contains(HTML.escape(text)), "\(text)")
        }
        for text in ["fewer than 50 inhabitants", "population unknown", "missing 3 of 4 components",
                     "the budget of 100 flyers is smaller than every eligible area"] {
            #expect(english.contains(text), "\(text)")
            #expect(!dutch.contains(text), "\(text)")
        }
    }

    @Test func theCatchmentIsSaidInThePagesLanguage() {
        let (nl, en) = (ReportText(lang: .nl, threshold: 5), ReportText(lang: .en, threshold: 5))
        let near = FlyerTargeting.CatchmentChoice.nearVolunteers(km: 2, category: .sociaal)
        #expect(nl.catchment(near) == "binnen 2,0 km van actieve vrijwilligers (sociaal)")
        #expect(en.catchment(near) == "within 2.0 km of active volunteers (social)")
        #expect(nl.catchment(.everywhere) == "alle gebieden" && en.catchment(.everywhere) == "all areas")
        #expect(nl.catchment(.circle(km: 5, around: "3311")) == "5,0 km rond 3311")
        // The English text the store and the printed summary keep is unchanged.
        #expect(near.description == "within 2.0 km of active volunteers (sociaal)")
    }

    @Test func whyATargetWasChosenIsSaidInEachLanguageAndStoredAsFacts() {
        let reason = FlyerTargeting.Reason(percentiles: [.init(index: .debt, value: 98), .init(index: .loneliness, value: 99)],
                                           atRiskPerThousandFlyers: 1301, underReached: true, adjacentTo: "3317",
                                           volunteerWithinMetres: 1100)
        let (nl, en) = (ReportText(lang: .nl, threshold: 5), ReportText(lang: .en, threshold: 5))
        #expect(nl.targetReason(reason) == "schulden percentiel 98; eenzaamheid percentiel 99; 1.301 huishoudens met risico verwacht per 1.000 flyers; weinig bereikt; naast 3317; vrijwilliger binnen 1.100 m")
        #expect(en.targetReason(reason) == "debt percentile 98; loneliness percentile 99; 1,301 expected at risk per 1,000 flyers; under-reached; next to 3317; volunteer within 1,100 m")
        // The store keeps the facts, and reads them back unchanged.
        #expect(reason.encoded == "debt=98;loneliness=99;per1000=1301;under;next=3317;near=1100")
        #expect(FlyerTargeting.Reason(encoded: reason.encoded) == reason)
        var inArea = reason
        (inArea.underReached, inArea.adjacentTo, inArea.volunteerWithinMetres) = (false, nil, 0)
        #expect(FlyerTargeting.Reason(encoded: inArea.encoded) == inArea)
        #expect(nl.targetReason(inArea).hasSuffix("; vrijwilliger in het gebied"))
        // A store written by an earlier version holds English words: they are shown as stored.
        let old = "debt percentile 98; 301 expected at risk per 1,000 flyers; volunteer in the area"
        #expect(FlyerTargeting.Reason(encoded: old).storedText == old)
        #expect(nl.targetReason(FlyerTargeting.Reason(encoded: old)) == old)
        #expect(FlyerTargeting.Reason(encoded: "debt=98;per1000=x;near=0").storedText != nil)
    }

    /// The catalogue is complete in both languages, and no Dutch text is left in English.
    @Test func everyPhraseHasBothLanguages() {
        for phrase in Phrase.withoutParameters {
            #expect(!phrase.dutch.isEmpty && !phrase.english.isEmpty, "\(phrase)")
        }
        #expect(Self.englishOnly.count > 80)
    }
}
