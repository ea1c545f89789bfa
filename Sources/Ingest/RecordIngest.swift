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
}

/// Streams a match-history or volunteer CSV into the store, in one transaction: a file that
/// fails as a whole (bad header, unreadable) changes nothing.
public enum RecordIngest {
    public static func requests(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                                today: Day = .today) throws -> RecordIngestSummary {
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.requestColumns,
                                    required: Vocabulary.requiredRequestColumns, configured: config.requests.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = RequestRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                      config: config.requests, today: today)
        return try run(.requests, idField: "request_id", reader: reader, store: store,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } })
    }

    public static func helpers(path: String, config: HulpatlasConfig = HulpatlasConfig(), store: AtlasStore,
                               today: Day = .today) throws -> RecordIngestSummary {
        let reader = try CSVRecordReader(path: path)
        let columns = try HeaderMap(header: reader.header, canonical: Vocabulary.helperColumns,
                                    required: Vocabulary.requiredHelperColumns, configured: config.helpers.columns,
                                    file: path, delimiter: reader.delimiterName)
        let parser = HelperRowParser(file: path, columns: columns, headerCount: reader.header.count,
                                     config: config.helpers, today: today)
        return try run(.helpers, idField: "helper_id", reader: reader, store: store,
                       parse: { record in parser.parse(record).map { ($0.0.id, $0.0, $0.1) } })
    }

    private static func run<Value: Hashable>(
        _ kind: StoredRecordKind<Value>, idField: String, reader: CSVRecordReader, store: AtlasStore,
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
