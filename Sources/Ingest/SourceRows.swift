import Atlas
import Geo

/// How a row of an input source is named in rejects: the text line for CSV (header = line 1),
/// the feature number (1 = first) for other formats.
struct SourceRows {
    let isText: Bool

    init(dataset: VectorDataset) { isText = dataset.driverName == "CSV" }

    func line(of feature: Feature, ordinal: Int) -> Int {
        isText ? Int(feature.id) + 1 : ordinal
    }
}

/// Decides whether a text column holds numbers (CBS cells) or words, while the cells stream by.
///
/// A column is numeric when at least one cell is a number or CBS code and numbers are not
/// outnumbered by words; each word in a numeric column becomes a value reject (the row stays,
/// the value is missing). A column of words is text: its rejects are dropped and it is not an
/// indicator.
struct ColumnTally {
    private(set) var numbers = 0
    private(set) var words = 0
    private var wordRejects: [Reject] = []
    /// Numbers that cannot be what the column counts (a negative count, a population no area has).
    private var implausible: [Reject] = []

    /// Why a number cannot be a value of `column`, or nil.
    static func implausibility(_ value: Double, column: String) -> String? {
        let lower = column.lowercased()
        let isCount = lower.hasPrefix("aantal") || KnownColumns.population.contains(column) || KnownColumns.households.contains(column)
        if isCount, value < 0 { return "a count cannot be negative; stored as missing" }
        if KnownColumns.population.contains(column), value > 1_000_000 {
            return "more inhabitants than any Dutch postcode area or buurt has (the largest hold tens of thousands); stored as missing"
        }
        if lower.hasPrefix("percentage"), value < 0 || value > 100 { return "a percentage outside 0–100; stored as missing" }
        return nil
    }

    /// A number GDAL or the parser produced, checked against the column's meaning.
    mutating func checked(_ value: CBSValue, file: String, line: Int, column: String, raw: String) -> CBSValue {
        guard case let .number(v) = value, let reason = Self.implausibility(v, column: column) else { return value }
        implausible.append(Reject(file: file, line: line, field: column, value: String(raw.prefix(30)), reason: reason,
                                  rowRejected: false))
        return .empty
    }

    /// Parses one cell; returns the value to store (nil for words).
    mutating func parse(_ text: String, file: String, line: Int, column: String, decimalComma: Bool = false) -> CBSValue? {
        guard let value = CBSValue(parsing: text, decimalComma: decimalComma) else {
            words += 1
            wordRejects.append(Reject(file: file, line: line, field: column, value: text,
                                      reason: "not a number; stored as missing", rowRejected: false))
            return nil
        }
        if value != .empty { numbers += 1 }
        return value
    }

    /// Counts a cell GDAL already typed as a number.
    mutating func countNumber() { numbers += 1 }

    var isNumeric: Bool { numbers > 0 && numbers >= words }

    /// The value rejects, when the column turned out numeric.
    var rejects: [Reject] { isNumeric ? wordRejects + implausible : [] }
}
