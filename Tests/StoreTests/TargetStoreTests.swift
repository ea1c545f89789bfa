import Atlas
import Foundation
import GRDB
import Store
import Testing

/// The plan's catchment and its nothing-chosen reason come back as the values that were stored,
/// and a plan written before they were typed (text only) is read as its text.
@Suite struct TargetStoreTests {
    static func plan(_ because: FlyerTargeting.NothingChosen?, catchment: FlyerTargeting.CatchmentChoice) -> StoredTargetPlan {
        let plan = FlyerTargeting.Plan(targets: [], budget: 100, expectedAtRisk: .zero, naiveExpectedAtRisk: .zero, naiveFlyers: 0,
                                       eligible: 2, excluded: [:], highRiskWithoutVolunteers: [], nothingChosenBecause: because)
        return StoredTargetPlan(goal: .combined, budget: 100, catchment: catchment, volunteerDistance: 3000, category: nil,
                                preferUnderReached: true, contiguityBonus: nil, plan: plan)
    }

    @Test(arguments: [
        (FlyerTargeting.NothingChosen?.none, FlyerTargeting.CatchmentChoice.everywhere),
        (.budgetTooSmall(budget: 100, first: "3311", firstFlyers: 900, smallest: "3312", smallestFlyers: 400),
         .circle(km: 2.5, around: "3311")),
        (.noVolunteerNearby(metres: 3000, areas: 4), .nearVolunteers(km: 1, category: .vervoer)),
        (.nothingRanked(goal: .loneliness), .municipalities(["Dordrecht", "Zwijndrecht"])),
    ])
    func typedReasonsSurviveTheStore(because: FlyerTargeting.NothingChosen?, catchment: FlyerTargeting.CatchmentChoice) throws {
        let store = try AtlasStore()
        try store.replaceTargetPlan(Self.plan(because, catchment: catchment), level: .pc4, year: 2020)
        let back = try #require(try store.targetPlan(level: .pc4, year: 2020))
        #expect(back.catchment == catchment)
        #expect(back.plan.nothingChosenBecause == because)
        // The English text column keeps what people and older versions read.
        let text = try store.read { db in try String.fetchOne(db, sql: "SELECT catchment FROM target_plans") }
        #expect(text == catchment.description)
    }

    @Test func aPlanStoredAsTextOnlyIsReadAsItsText() throws {
        let store = try AtlasStore()
        try store.replaceTargetPlan(Self.plan(.noAreaInCatchment, catchment: .everywhere), level: .pc4, year: 2020)
        try store.write { db in
            try db.execute(sql: "UPDATE target_plans SET catchment_json = NULL, nothing_chosen_json = NULL, catchment = 'old text'")
        }
        let back = try #require(try store.targetPlan(level: .pc4, year: 2020))
        #expect(back.catchment == .other("old text"))
        #expect(back.plan.nothingChosenBecause == .other(FlyerTargeting.NothingChosen.noAreaInCatchment.description))
    }
}
