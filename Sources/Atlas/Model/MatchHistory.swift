/// The kind of contact: a help request, or a question for information only.
public enum RequestKind: String, Sendable, CaseIterable {
    case hulpvraag, informatievraag
}

/// Help categories.
public enum Category: String, Sendable, CaseIterable, Comparable, Codable {
    case praktisch, sociaal, vervoer
    public static func < (a: Category, b: Category) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Request statuses as in DESIGN.md, plus `afgehandeld`: an information question that was
/// answered (it has no match outcome; an empty status of an information question means this).
public enum RequestStatus: String, Sendable, CaseIterable {
    case match, geen_match, doorverwezen, ingetrokken, afgewezen, in_behandeling, afgehandeld
}

/// Who asked: the requester themselves or someone on their behalf.
public enum RequesterType: String, Sendable, CaseIterable {
    case bewoner, naaste, ambulant_hulpverlener, sociaal_makelaar, sociaal_wijkteam, other
}

/// The requester's gender, as the intake records it (optional; docs/METHOD.md §12).
public enum Gender: String, Sendable, CaseIterable {
    case vrouw, man, anders
}

/// The requester's age band (optional). A birth year given instead is turned into a band at
/// ingest, at the request's date, and never stored.
public enum AgeBand: String, Sendable, CaseIterable {
    case under30 = "0-29", from30 = "30-49", from50 = "50-69", from70 = "70+"

    /// The band of someone aged `age` (nil below 0 or above 120: not an age).
    public init?(age: Int) {
        switch age {
        case 0..<30: self = .under30
        case 30..<50: self = .from30
        case 50..<70: self = .from50
        case 70...120: self = .from70
        default: return nil
        }
    }
}

/// The kind of external organisation a request was referred to (optional, for referred requests).
public enum ReferralKind: String, Sendable, CaseIterable {
    case informeel, formeel, overig
}

/// How a request ended, for rates.
public enum Outcome: String, Sendable, CaseIterable {
    case matched, notMatched = "not_matched", open
}

/// Which statuses count as matched, not matched or open. Default (Hulplijn Dordt study):
/// matched = match or doorverwezen; not matched = geen_match, afgewezen, ingetrokken;
/// open = in_behandeling (left out of rates).
public struct OutcomeRule: Sendable, Equatable {
    public var matched: Set<RequestStatus>
    public var notMatched: Set<RequestStatus>

    public static let standard = OutcomeRule(matched: [.match, .doorverwezen],
                                             notMatched: [.geen_match, .afgewezen, .ingetrokken])

    public init(matched: Set<RequestStatus>, notMatched: Set<RequestStatus>) {
        self.matched = matched
        self.notMatched = notMatched
    }

    public func outcome(of status: RequestStatus) -> Outcome {
        if matched.contains(status) { return .matched }
        if notMatched.contains(status) { return .notMatched }
        return .open
    }
}

/// One request from the match history, validated.
public struct HelpRequest: Sendable, Hashable {
    public var id: String
    public var createdAt: Day
    public var kind: RequestKind
    /// nil only for information questions without a category.
    public var category: Category?
    public var subcategory: String?
    public var requesterPostcode: Postcode?
    public var requesterType: RequesterType?
    public var location: String
    public var status: RequestStatus
    public var closedAt: Day?
    public var helperID: String?
    public var helperPostcode: Postcode?
    public var organisation: String?
    /// The optional study columns.
    public var requesterGender: Gender?
    public var requesterAgeBand: AgeBand?
    public var referralKind: ReferralKind?
    /// Who asked, as the organisation numbers its requesters (optional; a pseudonym once stored):
    /// it tells a first request from a repeat (docs/METHOD.md §13).
    public var requesterID: String?

    public init(id: String, createdAt: Day, kind: RequestKind, category: Category?, subcategory: String? = nil,
                requesterPostcode: Postcode?, requesterType: RequesterType? = nil, location: String,
                status: RequestStatus, closedAt: Day? = nil, helperID: String? = nil, helperPostcode: Postcode? = nil,
                organisation: String? = nil, requesterGender: Gender? = nil, requesterAgeBand: AgeBand? = nil,
                referralKind: ReferralKind? = nil, requesterID: String? = nil) {
        self.id = id
        self.createdAt = createdAt
        self.kind = kind
        self.category = category
        self.subcategory = subcategory
        self.requesterPostcode = requesterPostcode
        self.requesterType = requesterType
        self.location = location
        self.status = status
        self.closedAt = closedAt
        self.helperID = helperID
        self.helperPostcode = helperPostcode
        self.organisation = organisation
        self.requesterGender = requesterGender
        self.requesterAgeBand = requesterAgeBand
        self.referralKind = referralKind
        self.requesterID = requesterID
    }
}

/// One volunteer from the register.
public struct Helper: Sendable, Hashable {
    public var id: String
    public var postcode: Postcode?
    public var categories: Set<Category>
    public var location: String
    public var activeFrom: Day
    public var activeUntil: Day?
    /// The church (or other organisation) the volunteer comes through, for its contact person's overview.
    public var church: String?

    public init(id: String, postcode: Postcode?, categories: Set<Category>, location: String, activeFrom: Day,
                activeUntil: Day? = nil, church: String? = nil) {
        self.id = id
        self.postcode = postcode
        self.categories = categories
        self.location = location
        self.activeFrom = activeFrom
        self.activeUntil = activeUntil
        self.church = church
    }

    /// Active on at least one day of [first, last].
    public func isActive(from first: Day, to last: Day) -> Bool {
        activeFrom <= last && (activeUntil.map { $0 >= first } ?? true)
    }
}
