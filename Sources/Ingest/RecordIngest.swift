import Atlas
import Config
import Foundation
import Store

/// What `ingest requests` / `ingest helpers` did. Counts add up: read = accepted + rejected.
public struct RecordIngestSummary: Sendable {
    public var kind: String
    public var file: String
    public var read: Int
    public var accepted: Int
    public var rejected: Int { read - accepted }
    public var blankLines: Int
    /// Fields read as Windows-1252 because they were not UTF-8.
    public var windows1252Fields = 0
    public var delimiter: String
    public var changes: UpsertCounts
    public var rejects: [Reject]
    public var runID: Int64
    /// Set when the input was not read again: the ingest run that read the same content, with
    /// the same mapping and on the same day, and is still the kind's latest.
    public var unchangedSince: Int64?
}

/// Streams a match-history or volunteer CSV into the store, in one transaction: a file that
/// fails as a whole (bad header, unreadable) changes nothing. A file the kind's latest ingest
/// read with the same content, mapping and day is not read again (`reread` reads it anyway).
public enum RecordIngest {
    public static func requests(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                                today: Day = .today, reread: Bool = false) throws -> RecordIngestSummary {
        let fingerprint = InputFingerprint.of(file: path, context: context(path, config.requests, today))
        if !reread, let fingerprint, let unchanged = try unchangedIngest(.requests, path: path, fingerprint: fingerprint, store: store) {
            return unchanged
        }
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.requestColumns,
                                    required: Vocabulary.requiredRequestColumns, configured: config.requests.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = RequestRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                      config: config.requests, today: today)
        return try run(.requests, idField: "request_id", reader: reader, store: store, fingerprint: fingerprint,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } })
    }

    public static func helpers(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                               today: Day = .today, reread: Bool = false) throws -> RecordIngestSummary {
        let fingerprint = InputFingerprint.of(file: path, context: context(path, config.helpers, today))
        if !reread, let fingerprint, let unchanged = try unchangedIngest(.helpers, path: path, fingerprint: fingerprint, store: store) {
            return unchanged
        }
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.helperColumns,
                                    required: Vocabulary.requiredHelperColumns, configured: config.helpers.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = HelperRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                     config: config.helpers, today: today)
        return try run(.helpers, idField: "helper_id", reader: reader, store: store, fingerprint: fingerprint,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } })
    }

    /// Bumped whenever a change to the row parsers reads the same file differently: a store's
    /// earlier ingests then no longer match, and their inputs are read again.
    static let readerVersion = "records-1"

    /// What besides the bytes decides what an ingest stores: the reader's version, the file's
    /// path (the rejects name it), the mapping, and the day (a date after it is refused).
    static func context(_ path: String, _ mapping: InputMapping, _ today: Day) -> [String] {
        [readerVersion, (path as NSString).standardizingPath, today.description] + mapping.canonicalLines
    }

    /// The summary of the earlier ingest of the same input, when it is still the kind's latest.
    static func unchangedIngest<Value>(_ kind: StoredRecordKind<Value>, path: String, fingerprint: String,
                                       store: AtlasStore) throws -> RecordIngestSummary? {
        guard let earlier = try store.unchangedIngest(kind: kind.kindName, fingerprint: fingerprint) else { return nil }
        var changes = UpsertCounts()
        changes.unchanged = earlier.accepted
        var summary = RecordIngestSummary(kind: kind.kindName, file: path, read: earlier.read, accepted: earlier.accepted,
                                          blankLines: earlier.blankLines, delimiter: earlier.delimiter, changes: changes,
                                          rejects: try store.rejects(runID: earlier.runID), runID: earlier.runID)
        summary.windows1252Fields = earlier.windows1252Fields
        summary.unchangedSince = earlier.runID
        return summary
    }

    private static func run<Value: Hashable>(
        _ kind: StoredRecordKind<Value>, idField: String, reader: CSVRecordReader, store: AtlasStore, fingerprint: String?,
        parse: (CSVRecordReader.Record) -> Result<(String, Value, [Reject]), Reject>
    ) throws -> RecordIngestSummary {
        let (tally, changes, runID) = try store.ingestRecords(kind, file: reader.path, startedAt: Date()) { session in
            var read = 0, accepted = 0
            var rejects: [Reject] = []
            // id → (line, hash of the row): enough to tell an exact repeat from a conflict.
            let progress = Progress.sink
            progress.begin("\(kind.kindName) \((reader.path as NSString).lastPathComponent)", total: 0)
            defer { progress.end() }
            while let record = try reader.next() {
                read += 1
                progress.advance(1)
                switch parse(record) {
                case let .failure(reject):
                    rejects.append(reject)
                case let .success((id, value, valueRejects)):
                    if let first = try session.firstSeen(id, line: record.line, hash: value.hashValue) {
                        let reason = first.hash == value.hashValue
                            ? "repeats line \(first.line) exactly; ignored"
                            : "this id is already on line \(first.line) with different data; the first is kept"
                        rejects.append(Reject(file: reader.path, line: record.line, field: idField, value: "", reason: reason))
                        continue
                    }
                    rejects += valueRejects
                    try session.upsert(value)
                    accepted += 1
                }
            }
            return RecordIngestTally(read: read, accepted: accepted, rejects: rejects)
        }
        var summary = RecordIngestSummary(kind: kind.kindName, file: reader.path, read: tally.read, accepted: tally.accepted,
                                          blankLines: reader.blankLines, delimiter: reader.delimiterName, changes: changes,
                                          rejects: tally.rejects, runID: runID)
        summary.windows1252Fields = reader.windows1252Fields
        if let fingerprint {
            try store.recordFingerprint(runID: runID, kind: kind.kindName, fingerprint: fingerprint, blankLines: reader.blankLines,
                                        windows1252Fields: reader.windows1252Fields, delimiter: reader.delimiterName)
        }
        return summary
    }
}

extension Day {
    /// Today's date in the Netherlands.
    public static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
