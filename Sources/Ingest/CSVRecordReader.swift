import Foundation

/// A streaming, line-accurate CSV reader for the organisation's own exports (RFC 4180 plus
/// what spreadsheets write: `,` `;` or tab, UTF-8 with or without BOM, CRLF/LF/CR, quoted
/// fields with newlines and doubled quotes).
///
/// Why not a library: the readers on hand each lose something the rejects contract needs.
/// GDAL's CSV driver skips blank lines and drops surplus fields silently, accepts an
/// unterminated quote and numbers records, not lines; CSV.swift stops the whole file at the
/// first bad byte and reports no line numbers. This reader reports every such problem per
/// record, with the line it starts on, and keeps memory bounded: a field longer than
/// `maxFieldBytes` is cut (and flagged), whatever the line's length.
public final class CSVRecordReader {
    /// One record, with the line it starts on (the header is line 1).
    public struct Record {
        public var line: Int
        public var fields: [String]
        public var problem: Problem?
    }

    public enum Problem: Equatable, CustomStringConvertible {
        case invalidUTF8(field: Int)
        case unterminatedQuote
        case textAfterClosingQuote(field: Int)
        case fieldTooLong(field: Int, bytes: Int, limit: Int)
        /// The record ran past `limit` bytes or fields; the rest of its line was skipped.
        case recordTooLong(limit: Int)
        case tooManyFields(limit: Int)
        case nulByte(field: Int)

        public var description: String {
            switch self {
            case .invalidUTF8: return "not valid UTF-8 (was the file saved in another encoding? save it as UTF-8)"
            case .unterminatedQuote: return "a quoted field is never closed (is the file cut off?)"
            case .textAfterClosingQuote: return "text after a closing quote"
            case let .fieldTooLong(_, bytes, limit): return "field of \(bytes) bytes; the limit is \(limit)"
            case let .recordTooLong(limit):
                return "row longer than \(limit / (1 << 20)) MB (a quote never closed, or not a CSV file?); skipped to the end of the row"
            case let .tooManyFields(limit): return "more than \(limit) fields; skipped to the end of the row"
            case .nulByte: return "a NUL byte (\\0) inside the field: not text (a binary file, or UTF-16?)"
            }
        }
    }

    public enum FileError: Error, CustomStringConvertible, Equatable {
        case cannotRead(path: String, reason: String)
        case empty(path: String)
        case utf16(path: String)
        case headerNotUTF8(path: String)
        case headerTooLong(path: String)
        case quoteNeverCloses(path: String, line: Int)

        public var description: String {
            switch self {
            case let .cannotRead(path, reason): return "cannot read \(path): \(reason)"
            case let .empty(path): return "\(path) is empty: expected a header row and data rows"
            case let .utf16(path): return "\(path) is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)"
            case let .headerNotUTF8(path): return "\(path): the header row is not valid UTF-8; save the file as UTF-8"
            case let .headerTooLong(path): return "\(path): the first line is longer than 1 MB; this is not a CSV header"
            case let .quoteNeverCloses(path, line):
                return "\(path): the quote opened on line \(line) never closes, so every row after it would be part of one field; "
                    + "fix that line (a stray \" in a text?) and ingest again; nothing was stored"
            }
        }
    }

    public let path: String
    public private(set) var header: [String] = []
    public private(set) var delimiter = UInt8(ascii: ",")
    public let maxFieldBytes: Int
    /// A record longer than this (bytes) or with more fields is rejected and skipped to the
    /// next line, so that one broken line can never exhaust memory.
    public let maxRecordBytes: Int
    public static let maxFields = 1_000
    /// The delimiter as a user reads it: "," ";" or "tab".
    public var delimiterName: String { delimiter == 9 ? "tab" : String(UnicodeScalar(delimiter)) }
    /// Blank lines skipped so far (not records; reported, never counted as rows).
    public private(set) var blankLines = 0
    /// Fields that were not UTF-8 and were read as Windows-1252 (Excel's legacy "CSV" format).
    public private(set) var windows1252Fields = 0

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEOF = false
    private var line = 1
    private static let chunk = 1 << 20

    public init(path: String, maxFieldBytes: Int = 1_000, maxRecordBytes: Int = 1 << 20) throws {
        self.path = path
        self.maxFieldBytes = maxFieldBytes
        self.maxRecordBytes = maxRecordBytes
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FileError.cannotRead(path: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else { throw FileError.cannotRead(path: path, reason: "it is a directory") }
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw FileError.cannotRead(path: path, reason: "permission denied")
        }
        handle = h
        fill()
        if buffer.isEmpty { throw FileError.empty(path: path) }
        if buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) { throw FileError.utf16(path: path) }
        // UTF-16 without a byte-order mark: every other byte of ASCII text is 0.
        let probe = buffer.prefix(512)
        if probe.count >= 8, probe.filter({ $0 == 0 }).count * 3 >= probe.count { throw FileError.utf16(path: path) }
        if buffer.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        guard let detected = CSVRecordReader.detectDelimiter(buffer[position...]) else {
            throw FileError.headerTooLong(path: path)
        }
        self.delimiter = detected
        // Skip blank lines before the header.
        var first = try readRecord()
        while let r = first, r.fields == [""] { first = try readRecord() }
        guard let headerRecord = first else { throw FileError.empty(path: path) }
        if case .invalidUTF8 = headerRecord.problem { throw FileError.headerNotUTF8(path: path) }
        header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        blankLines = 0
        windows1252Fields = 0
    }

    deinit { try? handle.close() }

    /// The next record, skipping (and counting) blank lines; nil at the end of the file.
    public func next() throws -> Record? {
        while let record = try readRecord() {
            if record.fields.count == 1, record.fields[0].isEmpty, record.problem == nil {
                blankLines += 1
                continue
            }
            return record
        }
        return nil
    }

    /// The delimiter that occurs most often outside quotes on the first line: `,` `;` or tab
    /// (`,` on a tie or when none occurs). nil when the first line does not end within 1 MB.
    static func detectDelimiter(_ bytes: ArraySlice<UInt8>) -> UInt8? {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        func best() -> UInt8 { candidates[counts.indices.max { (counts[$0], -$0) < (counts[$1], -$1) }!] }
        for b in bytes {
            if b == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == 0x0A || b == 0x0D { return best() }
            if let i = candidates.firstIndex(of: b) { counts[i] += 1 }
        }
        return bytes.count < chunk ? best() : nil
    }

    private func fill() {
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        guard !atEOF else { return }
        let data = handle.readData(ofLength: CSVRecordReader.chunk)
        if data.isEmpty { atEOF = true } else { buffer.append(contentsOf: data) }
    }

    @inline(__always) private func nextByte() -> UInt8? {
        if position >= buffer.count {
            fill()
            if position >= buffer.count { return nil }
        }
        let b = buffer[position]
        position += 1
        return b
    }

    @inline(__always) private func peekByte() -> UInt8? {
        if position >= buffer.count {
            fill()
            if position >= buffer.count { return nil }
        }
        return buffer[position]
    }

    private func readRecord() throws -> Record? {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        guard peekByte() != nil else { return nil }
        let startLine = line
        var fields: [String] = []
        var field: [UInt8] = []
        var fieldBytes = 0
        var inQuotes = false, afterQuote = false
        var problem: Problem?
        var recordBytes = 0

        func endField() {
            if fieldBytes > maxFieldBytes, problem == nil {
                problem = .fieldTooLong(field: fields.count, bytes: fieldBytes, limit: maxFieldBytes)
            }
            if let s = String(validating: field, as: UTF8.self) {
                fields.append(s)
            } else if let s = String(bytes: field, encoding: .windowsCP1252) {
                // Excel's "CSV" (not "CSV UTF-8") on Dutch Windows: é, ë, €, ’ as Windows-1252.
                windows1252Fields += 1
                fields.append(s)
            } else {
                if problem == nil { problem = .invalidUTF8(field: fields.count) }
                fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            fieldBytes = 0
            afterQuote = false
        }
        func append(_ b: UInt8) {
            if b == 0, problem == nil { problem = .nulByte(field: fields.count) }
            fieldBytes += 1
            if fieldBytes <= maxFieldBytes { field.append(b) }
        }

        /// Drops the rest of the record, still honouring quotes, so that reading resumes at the next
        /// record boundary; a quote that never closes (the rest of the file would be one field)
        /// refuses the file with the line it opened on.
        func skipRecord(_ reason: Problem, inQuotes quoted: Bool) throws -> Record {
            var inQuotes = quoted
            var quoteLine = startLine
            while let b = nextByte() {
                if inQuotes {
                    if b == quote {
                        if peekByte() == quote { _ = nextByte() } else { inQuotes = false }
                    } else if b == lf || (b == cr && peekByte() != lf) {
                        line += 1
                    }
                    continue
                }
                if b == quote { inQuotes = true; quoteLine = line; continue }
                if b == lf || b == cr {
                    if b == cr, peekByte() == lf { _ = nextByte() }
                    line += 1
                    return Record(line: startLine, fields: [], problem: reason)
                }
            }
            if inQuotes { throw FileError.quoteNeverCloses(path: path, line: quoteLine) }
            return Record(line: startLine, fields: [], problem: reason)
        }

        var quoteOpenedOn = startLine
        while let b = nextByte() {
            recordBytes += 1
            if recordBytes > maxRecordBytes { return try skipRecord(.recordTooLong(limit: maxRecordBytes), inQuotes: inQuotes) }
            if inQuotes {
                if b == quote {
                    if peekByte() == quote { _ = nextByte(); append(quote) } else { inQuotes = false; afterQuote = true }
                } else {
                    if b == lf || (b == cr && peekByte() != lf) { line += 1 }
                    append(b)
                }
                continue
            }
            switch b {
            case delimiter:
                endField()
                if fields.count >= CSVRecordReader.maxFields {
                    return try skipRecord(.tooManyFields(limit: CSVRecordReader.maxFields), inQuotes: false)
                }
            case lf, cr:
                if b == cr, peekByte() == lf { _ = nextByte() }
                line += 1
                endField()
                return Record(line: startLine, fields: fields, problem: problem)
            case quote where fieldBytes == 0 && !afterQuote:
                inQuotes = true
                quoteOpenedOn = line
            default:
                if afterQuote, problem == nil { problem = .textAfterClosingQuote(field: fields.count) }
                append(b)
            }
        }
        if inQuotes {
            // A quote left open on the last line costs that row; one that swallowed later lines
            // would cost rows nobody sees.
            let onlyTheFinalLineBreak = line == quoteOpenedOn + 1 && (field.last == lf || field.last == cr)
            if line > quoteOpenedOn, !onlyTheFinalLineBreak { throw FileError.quoteNeverCloses(path: path, line: quoteOpenedOn) }
            problem = .unterminatedQuote
        }
        endField()
        return Record(line: startLine, fields: fields, problem: problem)
    }
}
