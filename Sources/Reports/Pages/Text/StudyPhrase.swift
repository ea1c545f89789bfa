/// The words of the study page and the church pages, Dutch beside English in one exhaustive
/// switch (a phrase without both does not compile). The legend of "×" is the reports' own (`ReportText.hiddenLegend`).
enum StudyPhrase: Sendable, Equatable {
    case studyTitle, allLocations, totals, questions, infoRequests, helpRequests, referred, matchRate, interval, matched,
         notMatched, open, outcomeRule, categoryMix, share, questionsPerMonth, total, trend, perMonth, wholeMonths,
         trendWithheld, partialMonths, whoSubmits, gender, ageBand, organisations, referrals, wholePeriod, sharesOfKnown,
         unknown, women, men, otherGender, years, informal, formal, otherKind, speedBySubcategory, medianDays, days,
         subcategoryRule, churchOverviews, churchTitle, helpGiven, answeredByVolunteers, activeVolunteers, answered,
         churchNote, notRecorded

    var words: (nl: String, en: String) {
        switch self {
        case .studyTitle: return ("Impactonderzoek: de cijfers van de onderzoeksperiode", "Impact study: the figures of the study period")
        case .allLocations: return ("Alle locaties", "All locations")
        case .totals: return ("Vragen en uitkomsten", "Questions and outcomes")
        case .questions: return ("Vragen", "Questions")
        case .infoRequests: return ("Informatievragen", "Information questions")
        case .helpRequests: return ("Hulpvragen", "Help requests")
        case .referred: return ("Doorverwezen", "Referred")
        case .matchRate: return ("Matchpercentage", "Match rate")
        case .interval: return ("betrouwbaarheidsinterval", "confidence interval")
        case .matched: return ("gematcht", "matched")
        case .notMatched: return ("niet gematcht", "not matched")
        case .open: return ("nog lopend", "still open")
        case .outcomeRule: return ("Gematcht = match of doorverwezen; niet gematcht = geen match, afgewezen of ingetrokken. Het matchpercentage is over de besliste hulpvragen; lopende tellen niet mee. Interval: Wilson (95%).",
                                   "Matched = match or referred; not matched = no match, rejected or withdrawn. The match rate is over decided help requests; open ones are left out. Interval: Wilson (95%).")
        case .categoryMix: return ("Hulpvragen per categorie", "Help requests by category")
        case .share: return ("Aandeel", "Share")
        case .questionsPerMonth: return ("Vragen per maand", "Questions per month")
        case .total: return ("Totaal", "Total")
        case .trend: return ("Trend (kleinste kwadraten)", "Trend (least squares)")
        case .perMonth: return ("vragen per maand erbij", "more questions per month")
        case .wholeMonths: return ("hele maanden", "whole months")
        case .trendWithheld: return ("Geen trendlijn: die zou een verborgen maandaantal verraden.", "No trend line: it would reveal a hidden monthly count.")
        case .partialMonths: return ("* De periode dekt maar een deel van deze maand; de trend is over de hele maanden berekend.",
                                     "* The period covers only part of this month; the trend is fitted on the whole months.")
        case .whoSubmits: return ("Wie meldt de hulpvraag aan", "Who submits the help request")
        case .gender: return ("Geslacht van de hulpvrager", "Gender of the requester")
        case .ageBand: return ("Leeftijd van de hulpvrager", "Age of the requester")
        case .organisations: return ("Gematchte hulpvragen per organisatie", "Matched help requests by organisation")
        case .referrals: return ("Doorverwijzingen naar externe organisaties, naar soort", "Referrals to external organisations, by kind")
        case .wholePeriod: return ("hele periode", "whole period")
        case .sharesOfKnown: return ("Aandelen van de bekende waarden; onbekend staat als aantal", "Shares of the known values; unknown is given as a count")
        case .unknown: return ("onbekend", "unknown")
        case .women: return ("vrouw", "woman")
        case .men: return ("man", "man")
        case .otherGender: return ("anders", "other")
        case .years: return ("jaar", "years")
        case .informal: return ("informele ondersteuning", "informal support")
        case .formal: return ("formele ondersteuning", "formal support")
        case .otherKind: return ("overig", "other")
        case .speedBySubcategory: return ("Matchpercentage en snelheid per soort hulpvraag", "Match rate and speed by kind of request")
        case .medianDays: return ("Mediaan dagen tot match", "Median days to match")
        case .days: return ("dagen", "days")
        case .subcategoryRule: return ("Alleen soorten met genoeg hulpvragen staan apart; de rest staat onder ‘overig’.",
                                       "Only kinds with enough help requests are shown apart; the rest are under ‘overig’.")
        case .churchOverviews: return ("Overzicht per kerk", "Overview per church")
        case .churchTitle: return ("Overzicht voor de contactpersoon", "Overview for the contact person")
        case .helpGiven: return ("Geboden hulp in de periode", "Help given in the period")
        case .answeredByVolunteers: return ("Hulpvragen beantwoord door uw vrijwilligers", "Help requests answered by your volunteers")
        case .activeVolunteers: return ("actieve vrijwilligers", "active volunteers")
        case .answered: return ("Beantwoord", "Answered")
        case .churchNote: return ("Dit overzicht noemt geen hulpvragers. Kleine aantallen zijn verborgen, net als in alle andere overzichten.",
                                  "This overview names no requester. Small counts are hidden, as in every other output.")
        case .notRecorded: return ("Niet vastgelegd: de geschiedenis heeft deze kolom niet of laat hem overal leeg",
                                   "Not recorded: the history lacks this column or leaves it empty everywhere")
        }
    }
}
