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
                       parse: parser.parse, idOf: \.id)
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
                       parse: parser.parse, idOf: \.id)
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

    /// One record as the parser left it: the row's reject, or the value with its ids
    /// pseudonymised, the hash that tells an exact repeat from a conflict, and the cells it set
    /// missing.
    private enum ParsedRecord<Value> {
        case rejected(Reject)
        case accepted(line: Int, value: Value, hash: Int, rejects: [Reject])
    }

    /// Records per batch handed from the parsing thread to the writing one.
    static let batchSize = 2048

    private static func run<Value: Hashable>(
        _ kind: StoredRecordKind<Value>, idField: String, reader: CSVRecordReader, store: AtlasStore, fingerprint: String?,
        parse: @escaping (CSVRecordReader.Record) -> Result<(Value, [Reject]), Reject>, idOf: (Value) -> String
    ) throws -> RecordIngestSummary {
        let (tally, changes, runID) = try store.ingestRecords(kind, file: reader.path, startedAt: Date()) { session in
            var read = 0, accepted = 0
            var rejects: [Reject] = []
            let progress = Progress.sink
            progress.begin("\(kind.kindName) \((reader.path as NSString).lastPathComponent)", total: 0)
            defer { progress.end() }
            // The file is read and parsed on a second core while this one writes the store; the
            // rows arrive in file order, so the first occurrence of an id is the one kept.
            let pseudonymise = session.pseudonymise
            try Overlapped.run(produce: { emit in
                var batch: [ParsedRecord<Value>] = []
                batch.reserveCapacity(batchSize)
                while let record = try reader.next() {
                    switch parse(record) {
                    case let .failure(reject): batch.append(.rejected(reject))
                    case let .success((value, valueRejects)):
                        let stored = pseudonymise(value)
                        batch.append(.accepted(line: record.line, value: stored, hash: stored.hashValue, rejects: valueRejects))
                    }
                    if batch.count == batchSize {
                        guard emit(batch) else { return }
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { _ = emit(batch) }
            }, consume: { batch in
                read += batch.count
                progress.advance(batch.count)
                for parsed in batch {
                    switch parsed {
                    case let .rejected(reject):
                        rejects.append(reject)
                    case let .accepted(line, value, hash, valueRejects):
                        if let first = try session.firstSeen(idOf(value), line: line, hash: hash) {
                            let reason = first.hash == hash
                                ? "repeats line \(first.line) exactly; ignored"
                                : "this id is already on line \(first.line) with different data; the first is kept"
                            rejects.append(Reject(file: reader.path, line: line, field: idField, value: "", reason: reason))
                            continue
                        }
                        rejects += valueRejects
                        try session.upsert(value)
                        accepted += 1
                    }
                }
            })
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
