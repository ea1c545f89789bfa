import Atlas
import Config

/// Turns one CSV record of the match history into a `HelpRequest`, or into rejects.
struct RequestRowParser {
    let file: String
    let columns: HeaderMap
    let headerCount: Int
    let today: Day
    let kinds, categories, statuses, requesterTypes, genders, ageBands, referralKinds: WordMap
    static let earliest = Day(year: 2000, month: 1, day: 1)!
    static let maxIDLength = 100

    init(file: String, columns: HeaderMap, headerCount: Int, config: InputMapping, today: Day) {
        self.file = file
        self.columns = columns
        self.headerCount = headerCount
        self.today = today
        kinds = WordMap(field: "kind", configured: config)
        categories = WordMap(field: "category", configured: config)
        statuses = WordMap(field: "status", configured: config)
        requesterTypes = WordMap(field: "requester_type", configured: config)
        genders = WordMap(field: "requester_gender", configured: config)
        ageBands = WordMap(field: "requester_age_band", configured: config)
        referralKinds = WordMap(field: "referral_kind", configured: config)
    }

    /// The request, plus value rejects for cells that were set missing; or the row's reject.
    /// Rejects never copy personal data (ids, postcodes, free text): see `PersonalData`.
    func parse(_ record: CSVRecordReader.Record) -> Result<(HelpRequest, [Reject]), Reject> {
        let f = record.fields
        func reject(_ field: String, _ value: String, _ reason: String) -> Result<(HelpRequest, [Reject]), Reject> {
            .failure(Reject(file: file, line: record.line, field: field, value: PersonalData.shown(field, value),
                            reason: reason))
        }
        if let structural = columns.structuralReject(record, headerCount: headerCount, file: file) {
            return .failure(structural)
        }
        guard let id = columns.value("request_id", in: f) else { return reject("request_id", "", "request_id is empty") }
        guard id.count <= Self.maxIDLength else {
            return reject("request_id", id, "request_id is longer than \(Self.maxIDLength) characters")
        }
        guard let createdText = columns.value("created_at", in: f) else { return reject("created_at", "", "date is empty") }
        let created: Day
        do { created = try Day(parsing: createdText) } catch { return reject("created_at", createdText, "\(error)") }
        guard created >= Self.earliest else { return reject("created_at", createdText, "date before 2000") }
        guard created <= today else { return reject("created_at", createdText, "date in the future (today is \(today))") }

        guard let kindText = columns.value("kind", in: f) else { return reject("kind", "", "kind is empty") }
        guard let kind = kinds.canonical(kindText).flatMap(RequestKind.init(rawValue:)) else {
            return reject("kind", kindText, "unknown kind (expected \(kinds.known); map other words in the config)")
        }
        var category: Category?
        if let text = columns.value("category", in: f) {
            guard let c = categories.canonical(text).flatMap(Category.init(rawValue:)) else {
                return reject("category", text, "unknown category (expected praktisch, sociaal, vervoer; map other words in the config)")
            }
            category = c
        } else if kind == .hulpvraag {
            return reject("category", "", "a help request needs a category")
        }
        guard let locationText = columns.value("location", in: f) else { return reject("location", "", "location is empty") }
        let (location, reservedName) = LocationName.read(locationText, file: file, line: record.line)
        // An information question is answered, not matched: an empty status means handled.
        let status: RequestStatus
        if let statusText = columns.value("status", in: f) {
            guard let s = statuses.canonical(statusText).flatMap(RequestStatus.init(rawValue:)) else {
                return reject("status", statusText, "unknown status (expected \(statuses.known); map other words in the config)")
            }
            if kind == .hulpvraag, s == .afgehandeld {
                return reject("status", statusText, "'\(statusText)' is the status of an answered information question; "
                              + "a help request needs a match outcome (match, geen_match, doorverwezen, …)")
            }
            status = s
        } else if kind == .informatievraag {
            status = .afgehandeld
        } else {
            return reject("status", "", "status is empty (a help request needs one; only an information question may have none)")
        }
        var closed: Day?
        if let text = columns.value("closed_at", in: f) {
            do { closed = try Day(parsing: text) } catch { return reject("closed_at", text, "\(error)") }
            guard closed! >= created else { return reject("closed_at", text, "closed before the request came in (\(created))") }
            guard closed! <= today else { return reject("closed_at", text, "date in the future (today is \(today))") }
        }

        // Optional cells: a bad value is reported and left out; the request itself counts.
        var valueRejects: [Reject] = reservedName
        func optionalPostcode(_ column: String) -> Postcode? {
            guard let text = columns.value(column, in: f) else { return nil }
            do { return try Postcode(parsing: text) } catch {
                valueRejects.append(Reject(file: file, line: record.line, field: column, value: "",
                                           reason: PersonalData.badPostcode + "; kept without location", rowRejected: false))
                return nil
            }
        }
        var requesterType: RequesterType?
        if let text = columns.value("requester_type", in: f) {
            if let t = requesterTypes.canonical(text).flatMap(RequesterType.init(rawValue:)) {
                requesterType = t
            } else {
                requesterType = .other
                valueRejects.append(Reject(file: file, line: record.line, field: "requester_type",
                                           value: PersonalData.shown("requester_type", text),
                                           reason: "unknown requester type; counted as 'other'", rowRejected: false))
            }
        }
        /// An optional word from a vocabulary: a word it does not know is reported and left out.
        func optionalWord<T: RawRepresentable>(_ column: String, _ words: WordMap, as _: T.Type) -> T? where T.RawValue == String {
            guard let text = columns.value(column, in: f) else { return nil }
            if let value = words.canonical(text).flatMap(T.init(rawValue:)) { return value }
            valueRejects.append(Reject(file: file, line: record.line, field: column, value: PersonalData.shown(column, text),
                                       reason: "unknown value (expected \(words.known)); left out", rowRejected: false))
            return nil
        }
        let gender = optionalWord("requester_gender", genders, as: Gender.self)
        var ageBand = optionalWord("requester_age_band", ageBands, as: AgeBand.self)
        if ageBand == nil, columns.value("requester_age_band", in: f) == nil, let text = columns.value("requester_birth_year", in: f) {
            // Turned into a band at the request's date; the year itself is never stored.
            if let year = Int(text), year >= 1900, year <= created.year, let band = AgeBand(age: created.year - year) {
                ageBand = band
            } else {
                valueRejects.append(Reject(file: file, line: record.line, field: "requester_birth_year", value: "",
                                           reason: "not a birth year from 1900 to the request's year; age band left out",
                                           rowRejected: false))
            }
        }
        var referralKind = optionalWord("referral_kind", referralKinds, as: ReferralKind.self)
        if let kind = referralKind, status != .doorverwezen {
            valueRejects.append(Reject(file: file, line: record.line, field: "referral_kind", value: kind.rawValue,
                                       reason: "a referral kind for a request that was not referred (status \(status.rawValue)); left out",
                                       rowRejected: false))
            referralKind = nil
        }
        let request = HelpRequest(
            id: id, createdAt: created, kind: kind, category: category,
            subcategory: columns.value("subcategory", in: f), requesterPostcode: optionalPostcode("requester_postcode"),
            requesterType: requesterType, location: location, status: status, closedAt: closed,
            helperID: columns.value("helper_id", in: f), helperPostcode: optionalPostcode("helper_postcode"),
            organisation: columns.value("organisation", in: f), requesterGender: gender, requesterAgeBand: ageBand,
            referralKind: referralKind, requesterID: columns.value("requester_id", in: f))
        return .success((request, valueRejects))
    }
}

/// A location as the outputs can show it: "all" (the all-locations total) is renamed, with the
/// value reject that says so.
enum LocationName {
    static func read(_ text: String, file: String, line: Int) -> (name: String, rejects: [Reject]) {
        let (name, renamed) = Vocabulary.locationName(text)
        guard renamed else { return (name, []) }
        return (name, [Reject(file: file, line: line, field: "location", value: text,
                              reason: "'all' names the all-locations total in every output; stored as "
                                  + "'\(Vocabulary.renamedReservedLocation)'", rowRejected: false)])
    }
}

/// Which match-history values may be copied into rejects: never ids, postcodes or free text,
/// because rejects appear on the terminal and in the run's folder. The line number suffices
/// to find the row in the organisation's own file.
enum PersonalData {
    static let fields: Set<String> = ["request_id", "helper_id", "requester_id", "requester_postcode", "helper_postcode", "postcode",
                                      "subcategory", "organisation", "church", "requester_birth_year", "(row)"]
    static let badPostcode = "malformed postcode (expected 4 digits and 2 letters, e.g. 3311AB, or 4 digits)"

    /// The value as a reject may show it: "" for personal fields, else at most 30 characters
    /// (enough for a date or a status word, too little for a story).
    static func shown(_ field: String, _ value: String) -> String {
        fields.contains(field) || field.hasPrefix("field ") ? "" : String(value.prefix(30))
    }
}

extension HeaderMap {
    func name(at i: Int) -> String? { index.first { $0.value == i }?.key }

    /// The reject for a record that cannot be read as a row at all (bad bytes, a quote never
    /// closed, a field too long, the wrong number of fields), naming the column where known.
    func structuralReject(_ record: CSVRecordReader.Record, headerCount: Int, file: String) -> Reject? {
        if let problem = record.problem {
            let field: String
            switch problem {
            case let .invalidUTF8(i), let .textAfterClosingQuote(i), let .fieldTooLong(i, _, _), let .nulByte(i):
                field = name(at: i) ?? "field \(i + 1)"
            case .unterminatedQuote, .recordTooLong, .tooManyFields: field = "(row)"
            }
            return Reject(file: file, line: record.line, field: field, value: "", reason: problem.description)
        }
        guard record.fields.count == headerCount else {
            return Reject(file: file, line: record.line, field: "(row)", value: "",
                          reason: "has \(record.fields.count) fields, the header has \(headerCount)")
        }
        return nil
    }
}
