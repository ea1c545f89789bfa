import Atlas
import Config

/// Which field of a record holds which canonical column.
struct HeaderMap {
    private(set) var index: [String: Int] = [:]

    enum HeaderError: Error, CustomStringConvertible, Equatable {
        case missingColumns(file: String, missing: [String], found: [String], delimiter: String)
        case duplicateColumn(file: String, column: String)

        var description: String {
            switch self {
            case let .missingColumns(file, missing, found, delimiter):
                return "\(file): required column\(missing.count == 1 ? "" : "s") missing: \(missing.joined(separator: ", ")). "
                    + "The header (split on '\(delimiter)') has: \(found.joined(separator: " | ")). "
                    + "Map other names in the config ([requests.columns] / [helpers.columns])."
            case let .duplicateColumn(file, column):
                return "\(file): two header columns both mean '\(column)'; rename or map one of them"
            }
        }
    }

    /// Resolves the header: a configured header name first, else the built-in names.
    init(header: [String], canonical: [String: [String]], required: [String], configured: [String: String],
         file: String, delimiter: String) throws {
        let normalised = header.map(Vocabulary.normalise)
        var missing: [String] = []
        for (name, aliases) in canonical.sorted(by: { $0.key < $1.key }) {
            let wanted = configured[name].map { [Vocabulary.normalise($0)] } ?? aliases.map(Vocabulary.normalise)
            let hits = wanted.lazy.compactMap { w in normalised.firstIndex(of: w) }
            if let i = hits.first {
                if normalised.filter({ $0 == normalised[i] }).count > 1 {
                    throw HeaderError.duplicateColumn(file: file, column: name)
                }
                index[name] = i
            } else if required.contains(name) {
                missing.append(configured[name].map { "\(name) (configured as '\($0)')" } ?? name)
            }
        }
        if !missing.isEmpty {
            throw HeaderError.missingColumns(file: file, missing: missing, found: header, delimiter: delimiter)
        }
    }

    /// The trimmed value of a column; nil when the column is absent or the cell is empty.
    func value(_ name: String, in fields: [String]) -> String? {
        guard let i = index[name], i < fields.count else { return nil }
        let v = fields[i].trimmingSpaces()
        return v.isEmpty ? nil : v
    }
}

/// Maps a word in an export to a canonical value: the config's words first, then the built-in ones.
struct WordMap {
    let field: String
    let words: [String: String]

    init(field: String, configured: InputMapping) {
        self.field = field
        words = (Vocabulary.values[field] ?? [:]).merging(configured.values[field] ?? [:]) { _, mine in mine }
    }

    func canonical(_ raw: String) -> String? { words[raw] ?? words[Vocabulary.normalise(raw)] }

    var known: String { Set(words.values).sorted().joined(separator: ", ") }
}
