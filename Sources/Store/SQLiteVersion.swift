import GRDBSQLite

extension AtlasStore {
    /// The SQLite library's version, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}
