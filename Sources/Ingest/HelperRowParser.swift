import Atlas
import Config

/// Turns one CSV record of the volunteer register into a `Helper`, or into rejects.
struct HelperRowParser {
    let file: String
    let columns: HeaderMap
    let headerCount: Int
    let today: Day
    let categories: WordMap

    init(file: String, columns: HeaderMap, headerCount: Int, config: InputMapping, today: Day) {
        self.file = file
        self.columns = columns
        self.headerCount = headerCount
        self.today = today
        categories = WordMap(field: "category", configured: config)
    }

    func parse(_ record: CSVRecordReader.Record) -> Result<(Helper, [Reject]), Reject> {
        let f = record.fields
        func reject(_ field: String, _ value: String, _ reason: String) -> Result<(Helper, [Reject]), Reject> {
            .failure(Reject(file: file, line: record.line, field: field, value: PersonalData.shown(field, value),
                            reason: reason))
        }
        if let structural = columns.structuralReject(record, headerCount: headerCount, file: file) {
            return .failure(structural)
        }
        guard let id = columns.value("helper_id", in: f) else { return reject("helper_id", "", "helper_id is empty") }
        guard id.count <= RequestRowParser.maxIDLength else {
            return reject("helper_id", id, "helper_id is longer than \(RequestRowParser.maxIDLength) characters")
        }
        guard let categoryText = columns.value("categories", in: f) else {
            return reject("categories", "", "a volunteer needs at least one category")
        }
        var offered = Set<Category>()
        for word in categoryText.split(whereSeparator: { ";,|/".contains($0) }).map(String.init)
        where !word.trimmingSpaces().isEmpty {
            guard let c = categories.canonical(word).flatMap(Category.init(rawValue:)) else {
                return reject("categories", categoryText,
                              "unknown category '\(word.trimmingSpaces())' (expected praktisch, sociaal, vervoer)")
            }
            offered.insert(c)
        }
        guard !offered.isEmpty else { return reject("categories", categoryText, "no category given") }
        guard let locationText = columns.value("location", in: f) else { return reject("location", "", "location is empty") }
        let (location, reservedName) = LocationName.read(locationText, file: file, line: record.line)
        guard let fromText = columns.value("active_from", in: f) else { return reject("active_from", "", "date is empty") }
        let from: Day
        do { from = try Day(parsing: fromText) } catch { return reject("active_from", fromText, "\(error)") }
        guard from >= RequestRowParser.earliest else { return reject("active_from", fromText, "date before 2000") }
        var until: Day?
        if let text = columns.value("active_until", in: f) {
            do { until = try Day(parsing: text) } catch { return reject("active_until", text, "\(error)") }
            guard until! >= from else { return reject("active_until", text, "ends before it starts (\(from))") }
        }
        var valueRejects: [Reject] = reservedName
        var postcode: Postcode?
        if let text = columns.value("postcode", in: f) {
            do { postcode = try Postcode(parsing: text) } catch {
                valueRejects.append(Reject(file: file, line: record.line, field: "postcode", value: "",
                                           reason: PersonalData.badPostcode + "; kept without location", rowRejected: false))
            }
        }
        return .success((Helper(id: id, postcode: postcode, categories: offered, location: location,
                                activeFrom: from, activeUntil: until, church: columns.value("church", in: f)), valueRejects))
    }
}
