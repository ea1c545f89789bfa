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
    var rejects: [Reject] { isNumeric ? wordRejects : [] }
}
