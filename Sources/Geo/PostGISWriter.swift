import CGDAL
import Foundation

/// Writes layers into one schema of a PostgreSQL/PostGIS database through GDAL's PostgreSQL
/// driver, replacing the schema at once: the layers go into a staging schema, and `commit()`
/// drops the old schema and renames the staging one in a single transaction, with the QGIS
/// styles in `public.layer_styles` (the one table QGIS reads styles from). A writer released
/// without commit drops its staging schema, so a failed export leaves the database as it was.
public final class PostGISWriter: VectorSink {
    public let connection: String
    public let schema: String
    private let staging: String
    private var dataset: PostgreSQLConnection?
    private var openLayer: LayerWriter?
    private var styles: [LayerStyle] = []

    /// `connection` is a GDAL PostgreSQL connection string ("PG:dbname=… host=…"); `schema` a
    /// plain lower-case name, created or replaced.
    public init(connection: String, schema: String) throws {
        guard PostGISWriter.isIdentifier(schema) else {
            throw GeoError.gdal(operation: "export to PostGIS",
                                message: "'\(schema)' is not a plain schema name (lower-case letters, digits and _, at most 40, starting with a letter)")
        }
        self.connection = connection
        self.schema = schema
        staging = "\(schema)_staging_\(getpid())"
        let db = try PostgreSQLConnection(connection)
        guard try db.queryHasRows("SELECT 1 FROM pg_extension WHERE extname = 'postgis'") else {
            throw GeoError.gdal(operation: "export to PostGIS",
                                message: "the database has no PostGIS extension: run CREATE EXTENSION postgis; in it (Debian: apt-get install postgis)")
        }
        try db.execute("DROP SCHEMA IF EXISTS \"\(staging)\" CASCADE")
        try db.execute("CREATE SCHEMA \"\(staging)\"")
        dataset = db
    }

    deinit {
        guard dataset != nil else { return }
        openLayer = nil
        dataset = nil
        // A second connection: the writing one may be inside a failed transaction.
        if let db = try? PostgreSQLConnection(connection) {
            try? db.execute("DROP SCHEMA IF EXISTS \"\(staging)\" CASCADE")
        }
    }

    /// A name PostgreSQL takes unquoted and keeps as it is.
    static func isIdentifier(_ s: String) -> Bool {
        s.range(of: "^[a-z][a-z0-9_]{0,39}$", options: .regularExpression) != nil
    }

    public func addLayer(name: String, spatialReference: SpatialReference?, geometryKind: GeometryKind,
                         fields: [FieldDefinition], fidColumn: String? = nil) throws -> LayerWriter {
        guard let dataset else { throw GeoError.gdal(operation: "add a layer", message: "writer already closed") }
        try openLayer?.finish()
        // Column names as CBS spells them (no laundering); the geometry column as in the GeoPackage.
        var options = ["SCHEMA=\(staging)", "LAUNDER=NO", "GEOMETRY_NAME=\(LayerStyle.geometryColumn)",
                       "FID=\(fidColumn ?? "fid")"]
        if geometryKind != .none { options.append("SPATIAL_INDEX=GIST") }
        let writer = try LayerWriter.create(in: dataset.handle, name: name, spatialReference: spatialReference,
                                            geometryKind: geometryKind, fields: fields, options: options, transaction: true)
        openLayer = writer
        return writer
    }

    public func addStyles(_ styles: [LayerStyle]) throws { self.styles += styles }

    /// Finishes the layers, then swaps the staging schema in and replaces the schema's styles,
    /// all in one transaction.
    public func commit() throws {
        guard dataset != nil else { return }
        try openLayer?.finish()
        openLayer = nil
        // Closing flushes what the driver deferred (COPY buffers, indexes) under the staging name.
        dataset = nil
        let db = try PostgreSQLConnection(connection)
        do {
            try db.execute("BEGIN")
            try db.execute("DROP SCHEMA IF EXISTS \"\(schema)\" CASCADE")
            try db.execute("ALTER SCHEMA \"\(staging)\" RENAME TO \"\(schema)\"")
            try db.execute("""
                CREATE TABLE IF NOT EXISTS public.layer_styles (id SERIAL PRIMARY KEY, f_table_catalog varchar,
                f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, styleqml xml,
                stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT CURRENT_USER, ui xml,
                update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)
                """)
            try db.execute("DELETE FROM public.layer_styles WHERE f_table_schema = \(PostGISWriter.literal(schema))")
            var defaulted = Set<String>()
            for s in styles {
                let isDefault = defaulted.insert(s.table).inserted
                try db.execute("""
                    INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,
                    stylename, styleqml, useasdefault, description, owner, type)
                    VALUES (current_database(), \(PostGISWriter.literal(schema)), \(PostGISWriter.literal(s.table)),
                    \(PostGISWriter.literal(LayerStyle.geometryColumn)), \(PostGISWriter.literal(s.name)),
                    XMLPARSE(DOCUMENT \(PostGISWriter.literal(s.qml))), \(isDefault ? "true" : "false"),
                    \(PostGISWriter.literal(s.description)), 'hulpatlas', 'MultiPolygon')
                    """)
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            try? db.execute("DROP SCHEMA IF EXISTS \"\(staging)\" CASCADE")
            throw error
        }
    }

    /// A PostgreSQL string literal (standard-conforming strings: quotes doubled; no NUL).
    static func literal(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "\0", with: "").replacingOccurrences(of: "'", with: "''") + "'"
    }
}

/// A GDAL PostgreSQL dataset opened for update, closed in deinit.
final class PostgreSQLConnection {
    let handle: GDALDatasetH

    init(_ connection: String) throws {
        GDALRuntime.ensureInitialised()
        guard connection.hasPrefix("PG:") else {
            throw GeoError.gdal(operation: "connect to PostgreSQL",
                                message: "'\(connection)' is not a GDAL PostgreSQL connection string (PG:dbname=… host=… user=…)")
        }
        CPLErrorReset()
        let flags = UInt32(GDAL_OF_VECTOR | GDAL_OF_UPDATE | GDAL_OF_VERBOSE_ERROR)
        let handle = withCStringArray(["PostgreSQL"]) { drivers in
            withCStringArray(["LIST_ALL_TABLES=NO"]) { options in
                GDALOpenEx(connection, flags, UnsafeRawPointer(drivers)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self),
                           UnsafeRawPointer(options)?.assumingMemoryBound(to: UnsafePointer<CChar>?.self), nil)
            }
        }
        guard let handle else {
            throw GeoError.gdal(operation: "connect to \(PostgreSQLConnection.withoutPassword(connection))",
                                message: GDALRuntime.takeLastErrorMessage(default: "the server did not answer"))
        }
        self.handle = handle
    }

    deinit { GDALClose(handle) }

    /// The connection string with any password replaced, for messages.
    static func withoutPassword(_ connection: String) -> String {
        connection.replacingOccurrences(of: "password=\\S+", with: "password=…", options: .regularExpression)
    }

    /// Runs a statement that returns no rows.
    func execute(_ sql: String) throws {
        CPLErrorReset()
        if let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) { GDALDatasetReleaseResultSet(handle, result) }
        if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
            throw GeoError.gdal(operation: "run \(sql.prefix(60))…", message: GDALRuntime.takeLastErrorMessage(default: "failed"))
        }
    }

    /// Whether a query returns at least one row.
    func queryHasRows(_ sql: String) throws -> Bool {
        CPLErrorReset()
        guard let result = GDALDatasetExecuteSQL(handle, sql, nil, nil) else {
            if CPLGetLastErrorType() == CE_Failure {
                throw GeoError.gdal(operation: "run \(sql.prefix(60))", message: GDALRuntime.takeLastErrorMessage(default: "failed"))
            }
            return false
        }
        defer { GDALDatasetReleaseResultSet(handle, result) }
        OGR_L_ResetReading(result)
        guard let feature = OGR_L_GetNextFeature(result) else { return false }
        OGR_F_Destroy(feature)
        return true
    }
}
