import Atlas
import Foundation
import Geo

/// A statistics table (CSV or any GDAL source) keyed by postcode, read whole into memory.
///
/// Columns are typed by their content (see `ColumnTally`); a column of words is not an
/// indicator, except the municipality name.
struct StatisticsTable {
    struct Row {
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
        keyColumn = try findKeyColumn(requestedKey, in: names, file: path, flag: "--stats-key")
        let keyIndex = names.firstIndex(of: keyColumn)!
        let muni = KnownColumns.find(KnownColumns.municipality, in: names)
        municipalityColumn = muni
        let muniIndex = muni.flatMap { names.firstIndex(of: $0) }

        let sourceRows = SourceRows(dataset: dataset)
        let decimalComma = usesDecimalComma(path)
        let candidates = fields.indices.filter { $0 != keyIndex && $0 != muniIndex && fields[$0].kind != .other }
        var tallies = [ColumnTally](repeating: ColumnTally(), count: fields.count)
        var parsed: [(code: String, cells: [CBSValue], municipality: String?)] = []
        var firstLine: [String: Int] = [:]
        var ordinal = 0
        for feature in layer {
            ordinal += 1
            rowsRead += 1
            let line = sourceRows.line(of: feature, ordinal: ordinal)
            let keyText = feature.value(at: keyIndex).text
            let postcode: Postcode
            do {
                postcode = try Postcode(parsing: keyText)
            } catch {
                rejects.append(Reject(file: path, line: line, field: keyColumn, value: keyText, reason: "\(error)"))
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
            var cells = [CBSValue](repeating: .empty, count: fields.count)
            for i in candidates {
                cells[i] = cbsValue(feature.value(at: i), tally: &tallies[i], file: path, line: line, column: names[i],
                                    decimalComma: decimalComma)
            }
            let municipality = muniIndex.map { feature.value(at: $0).text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            parsed.append((postcode.code, cells, municipality))
        }

        let numericIndices = candidates.filter { tallies[$0].isNumeric }
        numericColumns = numericIndices.map { names[$0] }
        textColumns = candidates.filter { !tallies[$0].isNumeric }.map { names[$0] }
        rejects += numericIndices.flatMap { tallies[$0].rejects }
        for entry in parsed {
            rows[entry.code] = Row(cells: numericIndices.map { entry.cells[$0] },
                                   municipality: entry.municipality)
        }
    }

    var rowsAccepted: Int { rows.count }
}

/// A typed GDAL value as a CBS cell; text is parsed and tallied (see `ColumnTally`).
func cbsValue(_ value: FieldValue, tally: inout ColumnTally, file: String, line: Int, column: String,
              decimalComma: Bool = false) -> CBSValue {
    switch value {
    case .null: return .empty
    case let .integer(v): tally.countNumber(); return CBSValue(Double(v))
    case let .real(v): tally.countNumber(); return CBSValue(v)
    case let .text(s): return tally.parse(s, file: file, line: line, column: column, decimalComma: decimalComma) ?? .empty
    }
}

/// A `;`-separated text file is Dutch Excel's: decimal comma, dot for thousands.
func usesDecimalComma(_ path: String) -> Bool {
    guard ["csv", "txt"].contains((path as NSString).pathExtension.lowercased()),
          let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let head = handle.readData(ofLength: 64 * 1024)
    let firstLine = head.prefix { $0 != 0x0A && $0 != 0x0D }
    return firstLine.filter { $0 == UInt8(ascii: ";") }.count > firstLine.filter { $0 == UInt8(ascii: ",") }.count
}

/// The postcode column: the one the user named, else the first known postcode name.
func findKeyColumn(_ requested: String?, in names: [String], file: String, flag: String = "--key") throws -> String {
    if let requested {
        if let hit = names.first(where: { $0.caseInsensitiveCompare(requested) == .orderedSame }) { return hit }
        throw IngestError.keyColumnNotFound(file: file, column: requested, columns: names)
    }
    guard let found = KnownColumns.find(KnownColumns.postcode, in: names) else {
        throw IngestError.noKeyColumn(file: file, columns: names, flag: flag)
    }
    return found
}
