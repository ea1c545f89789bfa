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

    private(set) var file: String
    private(set) var keyColumn: String
    private(set) var numericColumns: [String] = []
    private(set) var textColumns: [String] = []
    private(set) var municipalityColumn: String?
    private(set) var rows: [String: Row] = [:]
    private(set) var rowsRead = 0
    private(set) var rejects: [Reject] = []

    /// How the header was found, when it was not a plain first row (for the summary).
    private(set) var layoutNote: String?

    /// Spreadsheets whose header row hulpatlas finds itself (title rows, labels, units), read
    /// through GDAL with its header detection off; CSV files go through `CSVRecordReader`
    /// (GDAL's CSV driver splits a header cell that holds a line break into two records).
    static let spreadsheetDrivers: [String: String] = ["XLSX": "HEADERS=DISABLE", "ODS": "HEADERS=DISABLE"]

    init(path: String, keyColumn requestedKey: String?, level: AreaLevel?, headerRow: Int? = nil) throws {
        if ["csv", "txt", "tsv"].contains((path as NSString).pathExtension.lowercased()) {
            let csv = try CSVRecordReader(path: path, maxFieldBytes: 10_000)
            var first = true
            try self.init(rowsOf: path, isCSV: true, requestedKey: requestedKey, level: level, headerRow: headerRow) {
                if first {
                    first = false
                    return (1, csv.header, nil)
                }
                return try csv.next().map { ($0.line, $0.fields, $0.problem.map { "\($0)" }) }
            }
            return
        }
        let probe = try VectorDataset(path: path)
        if let option = Self.spreadsheetDrivers[probe.driverName] {
            let sheet = try VectorDataset(path: path, options: [option])
            var features = try sheet.layer().makeIterator()
            var record = 0
            try self.init(rowsOf: path, isCSV: false, requestedKey: requestedKey, level: level, headerRow: headerRow) {
                guard let feature = features.next() else { return nil }
                record += 1
                return (record, (0..<feature.fieldCount).map { feature.value(at: $0).text }, nil)
            }
            return
        }
        let layer = try probe.layer()
        let fields = layer.fields
        let names = fields.map { CBSVocabulary.canonicalName($0.name) }
        var reader = RowReader(file: path, names: names, requestedKey: requestedKey, level: level, decimalComma: false,
                               candidates: fields.indices.filter { fields[$0].kind != .other })
        try reader.prepare()
        let sourceRows = SourceRows(dataset: probe)
        var ordinal = 0
        for feature in layer {
            ordinal += 1
            reader.row(line: sourceRows.line(of: feature, ordinal: ordinal)) { feature.value(at: $0) }
        }
        try self.init(reader)
    }

    /// Rows of text (line, cells, a problem with the record) whose header `StatisticsHeader` finds.
    private init(rowsOf path: String, isCSV: Bool, requestedKey: String?, level: AreaLevel?, headerRow: Int?,
                 next: () throws -> (line: Int, cells: [String], problem: String?)?) throws {
        var head: [(line: Int, cells: [String], problem: String?)] = []
        while head.count < max(StatisticsHeader.scanRows, headerRow ?? 0) + 1, let row = try next() { head.append(row) }
        let header = try StatisticsHeader.detect(head.map(\.cells), requested: headerRow, file: path)
        var reader = RowReader(file: path, names: header.names, requestedKey: requestedKey, level: level,
                               decimalComma: isCSV && usesDecimalComma(path), candidates: Array(header.names.indices))
        try reader.prepare()
        func read(_ row: (line: Int, cells: [String], problem: String?)) {
            if let problem = row.problem {
                reader.rowsRead += 1
                reader.rejects.append(Reject(file: path, line: row.line, field: "", value: "", reason: problem))
                return
            }
            reader.row(line: row.line) { i in i < row.cells.count ? .text(row.cells[i]) : .null }
        }
        for row in head.dropFirst(header.dataStart) { read(row) }
        while let row = try next() { read(row) }
        try self.init(reader)
        layoutNote = header.note
    }

    private init(_ reader: RowReader) throws {
        try IngestError.checkLeadingZeros(lost: reader.lostLeadingZeros, read: reader.rowsRead, file: reader.file,
                                          column: reader.keyColumn, example: reader.rejects.first?.value)
        file = reader.file
        keyColumn = reader.keyColumn
        municipalityColumn = reader.municipalityColumn
        rowsRead = reader.rowsRead
        let numericIndices = reader.candidates.filter { reader.tallies[$0].isNumeric }
        numericColumns = numericIndices.map { reader.names[$0] }
        textColumns = reader.candidates.filter { !reader.tallies[$0].isNumeric && !reader.names[$0].isEmpty }.map { reader.names[$0] }
        rejects = reader.rejects + numericIndices.flatMap { reader.tallies[$0].rejects }
        for entry in reader.parsed {
            rows[entry.code] = Row(cells: numericIndices.map { entry.cells[$0] }, municipality: entry.municipality)
        }
    }

    /// The row loop shared by both layouts: key, duplicates, cells and their tallies.
    private struct RowReader {
        let file: String
        let names: [String]
        let requestedKey: String?
        let level: AreaLevel?
        let decimalComma: Bool
        var candidates: [Int]
        var keyColumn = ""
        var keyIndex = 0
        var municipalityColumn: String?
        var muniIndex: Int?
        var tallies: [ColumnTally] = []
        var parsed: [(code: String, cells: [CBSValue], municipality: String?)] = []
        var firstLine: [String: Int] = [:]
        var rejects: [Reject] = []
        var rowsRead = 0
        var lostLeadingZeros = 0

        init(file: String, names: [String], requestedKey: String?, level: AreaLevel?, decimalComma: Bool, candidates: [Int]) {
            self.file = file
            self.names = names
            self.requestedKey = requestedKey
            self.level = level
            self.decimalComma = decimalComma
            self.candidates = candidates
        }

        mutating func prepare() throws {
            keyColumn = try findKeyColumn(requestedKey, in: names, file: file, flag: "--stats-key")
            keyIndex = names.firstIndex(of: keyColumn)!
            municipalityColumn = KnownColumns.find(KnownColumns.municipality, in: names)
            muniIndex = municipalityColumn.flatMap { names.firstIndex(of: $0) }
            // A column named twice keeps its first occurrence; unnamed columns are skipped.
            var seen = Set<String>()
            candidates = candidates.filter { i in
                i != keyIndex && i != muniIndex && !names[i].isEmpty && seen.insert(names[i]).inserted
            }
            tallies = [ColumnTally](repeating: ColumnTally(), count: names.count)
        }

        mutating func row(line: Int, value: (Int) -> FieldValue) {
            rowsRead += 1
            let keyValue = value(keyIndex)
            let keyText = keyValue.text
            // A blank line (or a spreadsheet row left empty) is not a row of data.
            if keyText.trimmingSpaces().isEmpty && candidates.allSatisfy({ value($0).text.trimmingSpaces().isEmpty }) {
                rowsRead -= 1
                return
            }
            let code: AreaCode
            do {
                code = try AreaCode(parsing: keyValue.text, level: level)
            } catch {
                if case .lostLeadingZeros = error { lostLeadingZeros += 1 }
                rejects.append(Reject(file: file, line: line, field: keyColumn, value: keyText, reason: "\(error)"))
                return
            }
            if let level, code.level != level {
                rejects.append(Reject(file: file, line: line, field: keyColumn, value: keyText,
                                      reason: "a \(code.level.rawValue) \(code.level.noun) in a \(level.rawValue) area set"))
                return
            }
            if let first = firstLine[code.code] {
                rejects.append(Reject(file: file, line: line, field: keyColumn, value: keyText,
                                      reason: "duplicate \(code.level.noun): \(code.code) is already on line \(first)"))
                return
            }
            firstLine[code.code] = line
            var cells = [CBSValue](repeating: .empty, count: names.count)
            for i in candidates {
                cells[i] = cbsValue(value(i), tally: &tallies[i], file: file, line: line, column: names[i],
                                    decimalComma: decimalComma)
            }
            let municipality = muniIndex.map { value($0).text.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
            parsed.append((code.code, cells, municipality))
        }
    }

    var rowsAccepted: Int { rows.count }
}

/// A typed GDAL value as a CBS cell; text is parsed and tallied (see `ColumnTally`).
func cbsValue(_ value: FieldValue, tally: inout ColumnTally, file: String, line: Int, column: String,
              decimalComma: Bool = false) -> CBSValue {
    let cell: CBSValue
    switch value {
    case .null: return .empty
    case let .integer(v): tally.countNumber(); cell = CBSValue(Double(v))
    case let .real(v): tally.countNumber(); cell = CBSValue(v)
    case let .text(s): cell = tally.parse(s, file: file, line: line, column: column, decimalComma: decimalComma) ?? .empty
    }
    return tally.checked(cell, file: file, line: line, column: column, raw: value.text)
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
    guard let found = KnownColumns.find(KnownColumns.postcode + KnownColumns.areaCode, in: names) else {
        throw IngestError.noKeyColumn(file: file, columns: names, flag: flag)
    }
    return found
}
