import Atlas

/// Every phrase of the reports and index.html, keyed. The words are in `Phrase+Dutch.swift` and
/// `Phrase+English.swift`, one place per language; the switches there are exhaustive, so a
/// phrase without a translation does not compile.
enum Phrase: Sendable, Equatable {
    /// 2023-Q4: "4e kwartaal 2023", "Q4 2023"
    case quarterName(number: Int, year: Int)
    /// 1…12: "mrt", "Mar"
    case monthAbbreviation(Int)
    case whoAskedForHelp
    case whichOrganisationHelpedMatchedHelpRequests
    case unknown
    case whoAsksAndWhoHelps
    case upTo
    case allMatches
    case distanceBetweenRequesterAndVolunteer
    case matches
    case ofMatchesWithin3KmGoal
    case goalMet
    case goalNotMet
    case howFarDoVolunteersTravel
    case straightLineDistanceBetweenThePostcode
    case to
    case goal75Within3Km
    case kilometres500MBins
    case median
    case within3Km
    case thisQuarter
    case previousQuarter
    case aYearEarlier
    case helpRequests
    case matched
    case notMatched
    case stillOpen
    case matchRate
    case informationQuestions
    case thisQuarter2
    case helpRequests2
    case matched2
    case noRequestsInThisQuarter
    case theQuarterAtAGlance
    case helpRequestsPerCategoryMatchRate
    case matchedMatchOrReferredNotMatched
    case percentile
    case notRanked
    case households
    case flyerArea
    case chosenFlyerArea
    case riskMaps
    case methodAndSources
    case areasAndStatistics
    case keyFiguresByPostcode
    case licence
    case secretCBSValuesCountAsMissing
    case riskIndicesWeightedPercentileRanksOf
    case theOrganisationsOwnRecords
    case distancesBetweenPostcodePointsEPSG28992
    case privacyCountsBelow
    case areNotShownNorCanThey
    case internalRunNotForSharing
    case fullMethodDocsMETHODMdIn
    case requestsPerMonth
    case requests
    case trendLineLeastSquares
    case requestsMorePerMonth
    case helpRequestsAndInformationQuestionsPer
    case theLastTwelveMonthsInNumbers
    case allLocations
    case quarterlyReport
    case period
    case hiddenLegend(threshold: Int)
    case studyPageFile
    /// The flyer table lists the chosen areas on this page's map only.
    case targetsOnThisMap(shown: Int, of: Int, flyers: String)
    case studyTablesFile
    case campaignPageFile
    case forecastPageFile
    case forecastTableFile
    case volunteersNeededFile
    case campaignTablesFile
    case churchOverviewFile
    case deliveryPageFile
    case reasonPercentile(index: IndexName, value: Int)
    case reasonAtRiskPerThousandFlyers(String)
    case reasonUnderReached
    case reasonNextTo(String)
    case reasonVolunteerInTheArea
    case reasonVolunteerWithin(String)
    case locationsOverviewFile
    case locationsOverviewTitle
    case locationsOverviewIntro(km: String)
    case locationRegion(areas: Int, municipalities: String, targets: Int)
    case latestReport
    case deliveryTableFile
    case deliveryListsTitle
    case deliveryRound(Int)
    case deliveryRoundLoad(letterboxes: String, km: String)
    case deliveryBoxes
    case deliveryWalkMetres
    case deliveryAreaSummary(letterboxes: String, flyers: String, rounds: Int)
    case deliverySplitOverPostcodes
    case deliveryChosenPostcodes
    case deliveryWholeArea
    case deliveryIntro(roundSize: String)
    case deliverySubtitle(letterboxes: String, areas: Int, rounds: Int)
    case keyPoints
    case highRiskAreasAreUnderReached
    case reachHighRiskAreasWithFew
    case underReachedInTheTopQuintile
    case noUnderReachedAreasOnThis
    case area
    case municipality
    case debtPct
    case lonelinessPct
    case helpRequestsPer1000Households
    case fewVolunteersFor
    case activeVolunteersPerHelpRequestWarning
    case noActiveVolunteersFor
    case supplyAndDemandPerCategory
    case activeVolunteersRegisteredForTheCategory
    case activeVolunteers
    case volunteersPerRequest
    case matchRate2
    case medianDaysToMatch
    case inTheArea
    case noAreasChosen
    case flyerCampaignNoAreasChosen
    case budget
    case chosen
    case areas
    case expectedReach
    case householdsAtRisk
    case range
    case goal
    case catchment
    case flyerCampaign
    case expectedToReach
    case volunteer
    case orderFirstWhereMostResidentsDo
    case orderByExpectedDemand
    case expectedHouseholdsAtRisk
    case nearestVolunteer
    case practical
    case social
    case transport
    case riskOfProblematicDebts
    case riskOfLoneliness
    case debtAndLonelinessCombined
    case noComponentCanBeComputedFrom
    case populationUnknownSecretOrMissing
    case noAreaLiesInTheCatchment
    case municipalities
    case allAreas
    case resident
    case relativeOrFriend
    case outreachWorker
    case communityBroker
    case neighbourhoodSocialTeam
    case other
    case withinKmOfAnActiveVolunteer(km: String)
    case mapLegend(areas: Int, km: String)
    case thatIsMoreThanHighestRiskFirst(percent: String)
    case highRiskAreasWithoutVolunteerWithin(km: String)
    case fewerThanInhabitants(String)
    case missingComponents(Int, of: Int)
    case budgetIs(flyers: String)
    case noAreaHasAVolunteerWithin(distance: String, areas: String)
    case noAreaRankedOn(goal: String)
    case budgetSmallerThanEveryArea(budget: String, first: String, firstFlyers: String, smallest: String, smallestFlyers: String)
    case kmAround(km: String, place: String)
    case withinKmOfActiveVolunteers(km: String)
    case flyerTargetsChosenAreasFlyersExpected
    case everyAreaWithItsRiskIndices
    case geopackageForQGISLayersAreasAnd
    case supplyAndDemandPerLocationQuarter
    case volunteerTravelDistancesPerGroup
    case distributionOfTravelDistances500M
    case requestsPerLocationAndMonthWith
    case trendLinePerLocation
    case sharesByKindCategoryRequesterOutcome
    case indexSummaryStabilityClustering
    case indexComponentsPerArea
    case everyTableAboveAsSheetsOf
    case whatEveryColumnMeansUnitDescription
    case everyNumberInTheReports
    case rejectedInputRowsWithTheReason
    case allLocations2
    case report
    case everyReportAndFileOfThis
    case quarterlyReports
    case quarter
    case files
    case doNotShareHulpatlasSqliteThe

    case trendWithheld
    case outlookTitle
    case outlookIntro
    case backtestError
    case volunteersNeeded
    case activeNow
    case moreNeeded
    case forecastNotShown
    case forecastDetails
    case modelNotBetterFor
    case moreVolunteersNeeded(String)
    case campaignsTitle
    case campaignsIntro
    case campaign
    case deliveredOn
    case requestsOf
    case allRequesters
    case firstTimeRequesters
    case rateRatioAfterBefore
    case extraPer1000Flyers
    case placeboP
    case campaignMore
    case campaignFewer
    case campaignNoDemonstrableEffect
    case campaignNoEstimate
    case campaignResult(name: String, verdict: String)

    /// The phrases without parameters (for the test that a page uses one language only).
    static let withoutParameters: [Phrase] = [
        .whoAskedForHelp,
        .whichOrganisationHelpedMatchedHelpRequests,
        .unknown,
        .whoAsksAndWhoHelps,
        .upTo,
        .allMatches,
        .distanceBetweenRequesterAndVolunteer,
        .matches,
        .ofMatchesWithin3KmGoal,
        .goalMet,
        .goalNotMet,
        .howFarDoVolunteersTravel,
        .straightLineDistanceBetweenThePostcode,
        .to,
        .goal75Within3Km,
        .kilometres500MBins,
        .median,
        .within3Km,
        .thisQuarter,
        .previousQuarter,
        .aYearEarlier,
        .helpRequests,
        .matched,
        .notMatched,
        .stillOpen,
        .matchRate,
        .informationQuestions,
        .thisQuarter2,
        .trendWithheld,
        .outlookTitle,
        .outlookIntro,
        .backtestError,
        .volunteersNeeded,
        .activeNow,
        .moreNeeded,
        .forecastNotShown,
        .forecastDetails,
        .modelNotBetterFor,
        .campaignsTitle,
        .campaignsIntro,
        .campaign,
        .deliveredOn,
        .requestsOf,
        .allRequesters,
        .firstTimeRequesters,
        .rateRatioAfterBefore,
        .extraPer1000Flyers,
        .placeboP,
        .campaignMore,
        .campaignFewer,
        .campaignNoDemonstrableEffect,
        .campaignNoEstimate,
        .helpRequests2,
        .matched2,
        .noRequestsInThisQuarter,
        .theQuarterAtAGlance,
        .helpRequestsPerCategoryMatchRate,
        .matchedMatchOrReferredNotMatched,
        .percentile,
        .notRanked,
        .households,
        .flyerArea,
        .chosenFlyerArea,
        .riskMaps,
        .methodAndSources,
        .areasAndStatistics,
        .keyFiguresByPostcode,
        .licence,
        .secretCBSValuesCountAsMissing,
        .riskIndicesWeightedPercentileRanksOf,
        .theOrganisationsOwnRecords,
        .distancesBetweenPostcodePointsEPSG28992,
        .privacyCountsBelow,
        .areNotShownNorCanThey,
        .internalRunNotForSharing,
        .fullMethodDocsMETHODMdIn,
        .requestsPerMonth,
        .requests,
        .trendLineLeastSquares,
        .requestsMorePerMonth,
        .helpRequestsAndInformationQuestionsPer,
        .theLastTwelveMonthsInNumbers,
        .allLocations,
        .quarterlyReport,
        .period,
        .keyPoints,
        .highRiskAreasAreUnderReached,
        .reachHighRiskAreasWithFew,
        .underReachedInTheTopQuintile,
        .noUnderReachedAreasOnThis,
        .area,
        .municipality,
        .debtPct,
        .lonelinessPct,
        .helpRequestsPer1000Households,
        .fewVolunteersFor,
        .activeVolunteersPerHelpRequestWarning,
        .noActiveVolunteersFor,
        .supplyAndDemandPerCategory,
        .activeVolunteersRegisteredForTheCategory,
        .activeVolunteers,
        .volunteersPerRequest,
        .matchRate2,
        .medianDaysToMatch,
        .inTheArea,
        .noAreasChosen,
        .flyerCampaignNoAreasChosen,
        .budget,
        .chosen,
        .areas,
        .expectedReach,
        .householdsAtRisk,
        .range,
        .goal,
        .catchment,
        .flyerCampaign,
        .expectedToReach,
        .volunteer,
        .orderFirstWhereMostResidentsDo,
        .orderByExpectedDemand,
        .expectedHouseholdsAtRisk,
        .nearestVolunteer,
        .practical,
        .social,
        .transport,
        .riskOfProblematicDebts,
        .riskOfLoneliness,
        .debtAndLonelinessCombined,
        .noComponentCanBeComputedFrom,
        .populationUnknownSecretOrMissing,
        .noAreaLiesInTheCatchment,
        .municipalities,
        .allAreas,
        .resident,
        .relativeOrFriend,
        .outreachWorker,
        .communityBroker,
        .neighbourhoodSocialTeam,
        .other,
        .flyerTargetsChosenAreasFlyersExpected,
        .everyAreaWithItsRiskIndices,
        .geopackageForQGISLayersAreasAnd,
        .supplyAndDemandPerLocationQuarter,
        .volunteerTravelDistancesPerGroup,
        .distributionOfTravelDistances500M,
        .requestsPerLocationAndMonthWith,
        .trendLinePerLocation,
        .sharesByKindCategoryRequesterOutcome,
        .indexSummaryStabilityClustering,
        .indexComponentsPerArea,
        .everyTableAboveAsSheetsOf,
        .whatEveryColumnMeansUnitDescription,
        .everyNumberInTheReports,
        .rejectedInputRowsWithTheReason,
        .allLocations2,
        .report,
        .everyReportAndFileOfThis,
        .quarterlyReports,
        .quarter,
        .files,
        .doNotShareHulpatlasSqliteThe, .studyPageFile, .targetsOnThisMap(shown: 3, of: 5, flyers: "7.315"), .studyTablesFile, .campaignPageFile, .campaignTablesFile, .forecastPageFile, .forecastTableFile, .volunteersNeededFile, .churchOverviewFile,
        .deliveryPageFile, .reasonUnderReached, .reasonVolunteerInTheArea, .locationsOverviewFile, .locationsOverviewTitle, .latestReport, .deliveryTableFile, .deliveryListsTitle, .deliveryBoxes, .deliveryWalkMetres,
        .deliverySplitOverPostcodes, .deliveryChosenPostcodes, .deliveryWholeArea,
    ]
}
