import GRDB
import GRDBSQLite

/// One of GRDB's prepared statements, bound and stepped through SQLite's C API: for the bulk
/// inserts of an ingest (15 million area cells, a million requests), where boxing every value
/// into `StatementArguments` cost a third of the time. Text is copied by SQLite. The statement
/// is reset after every step, but its bindings stay (SQLite's reset does not clear them): a
/// writer binds what every row shares (level, year) once, and must bind every other parameter
/// for each row.
struct DirectStatement {
    private let statement: Statement
    private let db: Database
    private let handle: OpaquePointer

    init(_ statement: Statement, in db: Database) {
        self.statement = statement
        self.db = db
        handle = statement.sqliteStatement
    }

    init(_ db: Database, sql: String) throws { self.init(try db.makeStatement(sql: sql), in: db) }

    /// Binds text (nil: NULL) to the 1-based parameter `index`.
    func bind(_ index: CInt, _ text: String?) throws {
        guard var text else { return try check(sqlite3_bind_null(handle, index)) }
        let code = text.withUTF8 { utf8 -> CInt in
            // An empty buffer may have no address; SQLite reads a NULL pointer as NULL, not "".
            guard let base = utf8.baseAddress else { return sqlite3_bind_text(handle, index, "", 0, DirectStatement.transient) }
            return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                     CInt(utf8.count), DirectStatement.transient)
        }
        try check(code)
    }

    /// Binds bytes as a BLOB (nil: NULL).
    func bind(_ index: CInt, bytes: [UInt8]?) throws {
        guard let bytes else { return try check(sqlite3_bind_null(handle, index)) }
        try check(bytes.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1),
                                                           CInt(bytes.count), DirectStatement.transient) })
    }

    func bind(_ index: CInt, _ value: Int64?) throws {
        try check(value.map { sqlite3_bind_int64(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    func bind(_ index: CInt, _ value: Double?) throws {
        try check(value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
    }

    /// Runs the statement (which returns no rows) and resets it for the next row: the rows it
    /// changed, as `sqlite3_changes` counts them.
    @discardableResult
    func step() throws -> Int {
        let code = sqlite3_step(handle)
        let reset = sqlite3_reset(handle)
        try check(code)
        try check(reset)
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Runs the statement and reads the first row's integer columns (nil: no row).
    func firstRow(columns: CInt) throws -> [Int64]? {
        defer { sqlite3_reset(handle) }
        let code = sqlite3_step(handle)
        guard code == SQLITE_ROW else {
            try check(code)
            return nil
        }
        return (0..<columns).map { sqlite3_column_int64(handle, $0) }
    }

    /// SQLite copies the text it is given (the C macro SQLITE_TRANSIENT, not imported into Swift).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Throws GRDB's error for an SQLite result code other than OK or DONE.
    private func check(_ code: CInt) throws {
        guard code != SQLITE_OK, code != SQLITE_DONE else { return }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                            sql: statement.sql)
    }
}
