/// Errors of the SQLite store.
public enum StoreError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case noAreas(level: String?, year: Int?)
    case ambiguousAreaSet([String])
    case corruptRow(table: String, id: String)
    case busy(path: String, seconds: Double)
    case missing(path: String)
    case newerSchema(path: String, migrations: [String])
    case damaged(path: String, problems: [String])

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "cannot open the store \(path): \(reason)"
        case let .noAreas(level, year):
            let which = [level, year.map(String.init)].compactMap { $0 }.joined(separator: " ")
            return "the store holds no areas\(which.isEmpty ? "" : " for \(which)"); run `hulpatlas ingest areas` first"
        case let .corruptRow(table, id):
            return "the store's \(table) row \(id) no longer reads as valid data (was the file edited by hand?)"
        case let .busy(path, seconds):
            return "another hulpatlas run is still using \(path) after \(Int(seconds)) s; wait for it to finish "
                + "(or set HULPATLAS_LOCK_WAIT to more seconds)"
        case let .missing(path):
            return "there is no store at \(path); give the right --db, or run `hulpatlas ingest` or `hulpatlas run` first"
        case let .newerSchema(path, migrations):
            return "the store \(path) was written by a newer hulpatlas (schema steps \(migrations.joined(separator: ", ")) "
                + "unknown here); use that version, or a new store; nothing was written"
        case let .damaged(path, problems):
            return "the store \(path) is damaged (SQLite quick_check: \(problems.prefix(2).joined(separator: "; "))); "
                + "restore it from a backup or build it again from the inputs; nothing was written"
        case let .ambiguousAreaSet(sets):
            return "the store holds several area sets (\(sets.joined(separator: ", "))); choose one with --level and --year"
        }
    }
}
