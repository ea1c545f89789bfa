import Atlas
import Foundation
import Geo

/// A statistics table (CSV or any GDAL source) keyed by postcode, read whole into memory.
///
/// Columns are typed by their content: a column is numeric when every non-empty cell is a
/// number or a CBS code. A column with mostly numbers and a few words keeps the numbers;
/// each word becomes a value reject (the row stays). A column of words only is text and is
/// not an indicator (except the municipality name).
struct StatisticsTable {
    struct Row {
        var line: Int
        var cells: [CBSValue]
        var municipality: String?
    }

    let file: String
    let keyColumn: String
    private(set) var numericColumns: [String] = []
    private(set) var textColumns: [String] = []
    private(set) var municipalityColumn: String?
    private(set) var rows: [String: Row] = [:]
    private(set) var rowsRead = 0
    private(set) var rejects: [Reject] = []

    init(path: String, keyColumn requestedKey: String?, level: AreaLevel?) throws {
        file = path
        let dataset = try VectorDataset(path: path)
        let layer = try dataset.layer()
        let fields = layer.fields
        let names = fields.map(\.name)
        keyColumn = try findKeyColumn(requestedKey, in: names, file: path)
        let isText = dataset.driverName == "CSV"
        let keyIndex = names.firstIndex(of: keyColumn)!
        let muni = KnownColumns.find(KnownColumns.municipality, in: names)
        municipalityColumn = muni
        let muniIndex = muni.flatMap { names.firstIndex(of: $0) }

        var raw: [(code: String, line: Int, values: [FieldValue])] = []
        var firstLine: [String: Int] = [:]
        var ordinal = 0
        for feature in layer {
            ordinal += 1
            rowsRead += 1
            let line = isText ? Int(feature.id) + 1 : ordinal
            let keyText = feature.value(at: keyIndex).text
            let postcode: Postcode
            do {
                postcode = try Postcode(parsing: keyText)
            } catch {
                rejects.append(Reject(file: path, line: line, field: keyColumn, value: keyText, reason: error.description))
                continue
            }
            if let level, postcode.level != level {
                rejects.append(Reject(file: path, line: line, field: keyColumn, value: keyText,
                                      reason: "a \(postcode.level.rawValue) postcode in a \(level.rawValue) area set"))
                continue
            }
            if let first = firstLine[postcode.code] {
                rejects.append(Reject(file: path, line: line, field: keyColumn, value: keyText,
                                      reason: "duplicate postcode: \(postcode.code) is already on line \(first)"))
                continue
            }
            firstLine[postcode.code] = line
            raw.append((postcode.code, line, (0..<fields.count).map { feature.value(at: $0) }))
        }

        // Type each column by its content.
        var columnIsNumeric = [Bool](repeating: false, count: fields.count)
        for (i, field) in fields.enumerated() where i != keyIndex && i != muniIndex {
            switch field.kind {
            case .integer, .real: columnIsNumeric[i] = true
            case .text, .other:
                var numbers = 0, words = 0
                for row in raw {
                    let text = row.values[i].text
                    guard !text.trimmingSpaces().isEmpty else { continue }
                    if CBSValue(parsing: text) != nil { numbers += 1 } else { words += 1 }
                }
                columnIsNumeric[i] = numbers > 0 && numbers >= words
            }
        }
        let numericIndices = columnIsNumeric.indices.filter { columnIsNumeric[$0] }
        numericColumns = numericIndices.map { names[$0] }
        textColumns = fields.indices.filter { !columnIsNumeric[$0] && $0 != keyIndex && $0 != muniIndex }.map { names[$0] }

        for entry in raw {
            var cells: [CBSValue] = []
            cells.reserveCapacity(numericIndices.count)
            for i in numericIndices {
                switch entry.values[i] {
                case .null: cells.append(.empty)
                case let .integer(v): cells.append(CBSValue(Double(v)))
                case let .real(v): cells.append(CBSValue(v))
                case let .text(s):
                    if let v = CBSValue(parsing: s) {
                        cells.append(v)
                    } else {
                        cells.append(.empty)
                        rejects.append(Reject(file: path, line: entry.line, field: names[i], value: s,
                                              reason: "not a number; stored as missing", rowRejected: false))
                    }
                }
            }
            let municipality = muniIndex.map { entry.values[$0].text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            rows[entry.code] = Row(line: entry.line, cells: cells, municipality: municipality)
        }
        _ = dataset  // keep the dataset open until the layer is read
    }

    var rowsAccepted: Int { rows.count }
}

/// The postcode column: the one the user named, else the first known postcode name.
func findKeyColumn(_ requested: String?, in names: [String], file: String) throws -> String {
    if let requested {
        if let hit = names.first(where: { $0.caseInsensitiveCompare(requested) == .orderedSame }) { return hit }
        throw IngestError.keyColumnNotFound(file: file, column: requested, columns: names)
    }
    guard let found = KnownColumns.find(KnownColumns.postcode, in: names) else {
        throw IngestError.noKeyColumn(file: file, columns: names)
    }
    return found
}
