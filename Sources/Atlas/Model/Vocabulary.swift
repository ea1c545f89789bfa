/// The words hulpatlas understands in match-history exports, besides the canonical ones.
/// Headers and values are compared after `Vocabulary.normalise` (lower case, spaces and
/// hyphens as underscores), so "Geen match", "geen-match" and "GEEN_MATCH" are one word.
public enum Vocabulary {
    public static func normalise(_ text: String) -> String {
        // Fast path: already lower-case ASCII letters, digits and single inner underscores.
        if !text.isEmpty, text.utf8.first != 0x5F, text.utf8.last != 0x5F,
           text.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }),
           !text.contains("__") {
            return text
        }
        var out = ""
        var lastUnderscore = false
        for ch in text.trimmingSpaces().lowercased() {
            if ch == " " || ch == "-" || ch == "_" || ch == "\u{00A0}" {
                if !lastUnderscore, !out.isEmpty { out.append("_") }
                lastUnderscore = true
            } else {
                out.append(ch)
                lastUnderscore = false
            }
        }
        if out.hasSuffix("_") { out.removeLast() }
        return out
    }

    /// Request columns: canonical name → header names that mean the same (normalised).
    public static let requestColumns: [String: [String]] = [
        "request_id": ["request_id", "id", "vraag_id", "aanvraag_id", "vraagnummer", "hulpvraag_id"],
        "created_at": ["created_at", "datum", "aanmelddatum", "datum_aanmelding", "date", "aangemaakt"],
        "kind": ["kind", "soort", "soort_vraag", "type_vraag"],
        "category": ["category", "categorie", "hulpcategorie"],
        "subcategory": ["subcategory", "subcategorie"],
        "requester_postcode": ["requester_postcode", "postcode", "postcode_hulpvrager", "postcode_aanvrager"],
        "requester_type": ["requester_type", "aanvrager", "type_aanvrager", "aangemeld_door"],
        "location": ["location", "locatie", "vestiging"],
        "status": ["status"],
        "closed_at": ["closed_at", "datum_match", "afgesloten_op", "einddatum", "datum_afgesloten"],
        "helper_id": ["helper_id", "hulpbieder_id", "vrijwilliger_id"],
        "helper_postcode": ["helper_postcode", "postcode_hulpbieder", "postcode_vrijwilliger"],
        "organisation": ["organisation", "organisatie", "organization"],
        "requester_gender": ["requester_gender", "geslacht", "geslacht_hulpvrager", "gender"],
        "requester_age_band": ["requester_age_band", "leeftijdsgroep", "leeftijdscategorie", "age_band"],
        "requester_birth_year": ["requester_birth_year", "geboortejaar", "birth_year"],
        "referral_kind": ["referral_kind", "soort_doorverwijzing", "doorverwezen_naar_soort"],
        "requester_id": ["requester_id", "hulpvrager_id", "client_id", "clientnummer", "klant_id"],
    ]
    public static let requiredRequestColumns = ["request_id", "created_at", "kind", "category", "location", "status"]

    /// Volunteer-register columns.
    public static let helperColumns: [String: [String]] = [
        "helper_id": ["helper_id", "id", "hulpbieder_id", "vrijwilliger_id"],
        "postcode": ["postcode", "helper_postcode", "postcode_hulpbieder"],
        "categories": ["categories", "categorieen", "categorieën", "category", "categorie"],
        "location": ["location", "locatie", "vestiging"],
        "active_from": ["active_from", "actief_vanaf", "startdatum", "start"],
        "active_until": ["active_until", "actief_tot", "einddatum", "eind"],
        "church": ["church", "kerk", "gemeente_kerk", "organisation", "organisatie"],
    ]
    public static let requiredHelperColumns = ["helper_id", "postcode", "categories", "location", "active_from"]

    /// Values: field → (normalised word → canonical value).
    public static let values: [String: [String: String]] = [
        "kind": ["hulpvraag": "hulpvraag", "hulp": "hulpvraag", "help": "hulpvraag", "help_request": "hulpvraag",
                 "informatievraag": "informatievraag", "informatie": "informatievraag", "info": "informatievraag",
                 "information": "informatievraag", "vraag": "informatievraag"],
        "category": ["praktisch": "praktisch", "practical": "praktisch", "praktische_hulp": "praktisch",
                     "sociaal": "sociaal", "social": "sociaal", "sociale_hulp": "sociaal",
                     "vervoer": "vervoer", "transport": "vervoer"],
        "status": ["match": "match", "gematcht": "match", "matched": "match",
                   "geen_match": "geen_match", "niet_gematcht": "geen_match", "no_match": "geen_match",
                   "doorverwezen": "doorverwezen", "verwezen": "doorverwezen", "referred": "doorverwezen",
                   "ingetrokken": "ingetrokken", "geannuleerd": "ingetrokken", "withdrawn": "ingetrokken",
                   "afgewezen": "afgewezen", "rejected": "afgewezen",
                   "in_behandeling": "in_behandeling", "open": "in_behandeling", "lopend": "in_behandeling",
                   "afgehandeld": "afgehandeld", "beantwoord": "afgehandeld", "answered": "afgehandeld",
                   "handled": "afgehandeld", "informatie_gegeven": "afgehandeld"],
        "requester_type": ["bewoner": "bewoner", "hulpvrager": "bewoner", "zelf": "bewoner",
                           "naaste": "naaste", "familie": "naaste", "mantelzorger": "naaste",
                           "ambulant_hulpverlener": "ambulant_hulpverlener", "hulpverlener": "ambulant_hulpverlener",
                           "sociaal_makelaar": "sociaal_makelaar", "sociaal_wijkteam": "sociaal_wijkteam",
                           "wijkteam": "sociaal_wijkteam", "other": "other", "anders": "other", "overig": "other"],
        "requester_gender": ["vrouw": "vrouw", "v": "vrouw", "female": "vrouw", "woman": "vrouw", "f": "vrouw",
                             "man": "man", "m": "man", "male": "man",
                             "anders": "anders", "x": "anders", "other": "anders", "non_binair": "anders"],
        "requester_age_band": ["0-29": "0-29", "0_29": "0-29", "tot_30": "0-29", "<30": "0-29", "18_29": "0-29",
                               "30-49": "30-49", "30_49": "30-49", "30_50": "30-49",
                               "50-69": "50-69", "50_69": "50-69", "50_70": "50-69",
                               "70+": "70+", "70_plus": "70+", "70_en_ouder": "70+", ">70": "70+"],
        "referral_kind": ["informeel": "informeel", "informal": "informeel", "informele_ondersteuning": "informeel",
                          "formeel": "formeel", "formal": "formeel", "formele_ondersteuning": "formeel",
                          "overig": "overig", "other": "overig", "anders": "overig"],
    ]

    /// "all" is the name of the all-locations total in every output (monthly.csv, breakdowns,
    /// reports): a location called so is stored as "all (locatie)", and the ingest says so.
    public static let reservedLocation = "all"
    public static let renamedReservedLocation = "all (locatie)"

    public static func locationName(_ raw: String) -> (name: String, renamed: Bool) {
        raw.trimmingSpaces().lowercased() == reservedLocation ? (renamedReservedLocation, true) : (raw, false)
    }
}
