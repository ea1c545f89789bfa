/// The words of the campaign page, Dutch beside English in one exhaustive switch.
enum CampaignPhrase: Sendable, Equatable {
    case title, delivered, areas, flyers, controls, helpRequests, firstTime, rateRatio, interval, extraPerThousand,
         placebo, placeboRuns, notEvaluated, series, month, targeted, control, before, after, balance, covariate,
         riskPercentile, households, requestRate, standardisedDifference, proves, provesNot, method, noFirstTime, none, hiddenEstimate

    var words: (nl: String, en: String) {
        switch self {
        case .title: return ("Campagne-effect: brachten de flyers hulpvragen?", "Campaign effect: did the flyers bring help requests?")
        case .delivered: return ("bezorgd op", "delivered on")
        case .areas: return ("gebieden", "areas")
        case .flyers: return ("flyers", "flyers")
        case .controls: return ("vergelijkingsgebieden", "control areas")
        case .helpRequests: return ("Alle hulpvragen", "All help requests")
        case .firstTime: return ("Hulpvragen van nieuwe hulpvragers", "Help requests of first-time requesters")
        case .rateRatio: return ("verhouding (na/voor, bezorgd t.o.v. vergelijking)", "rate ratio (after/before, targeted vs control)")
        case .interval: return ("95%-interval", "95% interval")
        case .extraPerThousand: return ("extra hulpvragen per 1.000 flyers", "extra help requests per 1,000 flyers")
        case .placebo: return ("placebotoets", "placebo test")
        case .placeboRuns: return ("keer de campagne aan willekeurige gebieden toegewezen", "times the campaign assigned to random areas")
        case .notEvaluated: return ("Geen schatting", "No estimate")
        case .series: return ("Hulpvragen per drie maanden: bezorgde en vergelijkingsgebieden", "Help requests per three months: targeted and control areas")
        case .month: return ("Periode", "Period")
        case .targeted: return ("Bezorgde gebieden", "Targeted areas")
        case .control: return ("Vergelijkingsgebieden", "Control areas")
        case .before: return ("voor", "before")
        case .after: return ("na", "after")
        case .balance: return ("Hoe goed de vergelijking past", "How well the comparison matches")
        case .covariate: return ("Kenmerk", "Characteristic")
        case .riskPercentile: return ("Risicopercentiel (gemiddeld)", "Risk percentile (mean)")
        case .households: return ("Huishoudens per gebied (gemiddeld)", "Households per area (mean)")
        case .requestRate: return ("Hulpvragen per 1.000 huishoudens per maand, voor bezorging", "Help requests per 1,000 households per month, before delivery")
        case .standardisedDifference: return ("Gestandaardiseerd verschil", "Standardised difference")
        case .proves:
            return ("Wat dit laat zien: hoeveel de hulpvragen uit de bezorgde gebieden na bezorging meer (of minder) stegen dan in vergelijkbare gebieden zonder flyers, in dezelfde maanden. Seizoen en landelijke trends vallen zo weg.",
                    "What this shows: how much more (or less) help requests from the targeted areas rose after delivery than in similar areas without flyers, in the same months. Season and general trends cancel out.")
        case .provesNot:
            return ("Wat dit niet bewijst: de gebieden zijn niet door loting gekozen. Veranderde er in dezelfde maanden iets anders alleen in de bezorgde gebieden (een nieuwe verwijzer, een krantenartikel), dan telt dat mee. Een interval dat 1 bevat betekent: geen aantoonbaar effect, niet: geen effect.",
                    "What this does not prove: the areas were not chosen by lot. If something else changed only in the targeted areas in the same months (a new referrer, a newspaper article), it counts too. An interval containing 1 means: no demonstrable effect, not: no effect.")
        case .method:
            return ("Methode: Poisson-model met een effect per gebied en per maand (verschil-in-verschillen); interval met t op G−1 vrijheidsgraden en de grootste van de cluster-robuuste en de quasi-Poisson-standaardfout; vergelijkingsgebieden gekozen als naaste buren op risico, huishoudens en het aantal hulpvragen vóór bezorging. Zie docs/METHOD.md §13.",
                    "Method: a Poisson model with an effect per area and per month (difference in differences); interval on t with G−1 degrees of freedom and the larger of the cluster-robust and quasi-Poisson standard errors; control areas chosen as nearest neighbours on risk, households and requests before delivery. See docs/METHOD.md §13.")
        case .noFirstTime: return ("Geen cijfer voor nieuwe hulpvragers: de aanvragen hebben geen requester_id.", "No figure for first-time requesters: the requests have no requester_id.")
        case .hiddenEstimate: return ("Geen schatting getoond: een van de vier totalen is verborgen, omdat die (of een aantal dat eruit volgt) onder de drempel ligt.",
                                      "No estimate shown: one of the four totals is hidden, because it (or a count that follows from it) is below the threshold.")
        case .none: return ("Er zijn geen campagnes vastgelegd (hulpatlas campaign add).", "No campaigns are recorded (hulpatlas campaign add).")
        }
    }
}
