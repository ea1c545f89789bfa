/// Whole-file problems that stop an ingest (row problems become rejects instead).
public enum IngestError: Error, CustomStringConvertible, Equatable {
    case noKeyColumn(file: String, columns: [String], flag: String)
    case noRIVMMeasures(file: String, known: [String])
    case headerRowOutOfRange(file: String, row: Int, rows: Int)
    case noPolygons(file: String, layer: String, type: String, layers: [String])
    case sparseJoin(file: String, joined: Int, areas: Int, key: String, example: String?)
    case keyLosesLeadingZeros(file: String, column: String, example: String)
    case keyColumnNotFound(file: String, column: String, columns: [String])
    case cannotTellYear(files: [String])
    case noUsableAreas(file: String, rejected: Int)
    case levelMismatch(file: String, expected: String, found: String)
    case wrongCoordinateSystem(file: String, crs: String, inside: Int, total: Int, example: String?, layer: String?)

    public var description: String {
        switch self {
        case let .noKeyColumn(file, columns, flag):
            return "\(file): no area code column found (looked for postcode, pc4, pc6, pc4code, buurtcode, wijkcode, …); "
                + "its columns are: \(columns.joined(separator: ", ")). Name the column with \(flag)."
        case let .noPolygons(file, layer, type, layers):
            return "\(file): layer '\(layer)' (\(type)) holds no polygons, so no area has a shape"
                + (layers.count > 1 ? "; its layers are \(layers.joined(separator: ", ")): choose one with --layer" : "")
                + "; nothing was stored"
        case let .sparseJoin(file, joined, areas, key, example):
            return "\(file): only \(joined) of \(areas) areas have a row in this table (key column \(key)"
                + (example.map { ", e.g. '\($0)'" } ?? "") + "): is it the right table, key column (--stats-key) and level? "
                + "Pass --allow-sparse-join to store it anyway; nothing was stored"
        case let .headerRowOutOfRange(file, row, rows):
            return "\(file): --stats-header-row \(row) is outside the first \(rows) rows of the file"
        case let .keyLosesLeadingZeros(file, column, example):
            return "\(file): the codes in column \(column) look like numbers (e.g. '\(example)'): a spreadsheet or export "
                + "dropped their prefix and leading zeros. Export the column as text (BU05050100, WK050501); nothing was stored"
        case let .noRIVMMeasures(file, known):
            return "\(file): an RIVM table (it has Leeftijd and a region column) without any known measure; "
                + "known: \(known.joined(separator: ", "))"
        case let .keyColumnNotFound(file, column, columns):
            return "\(file): there is no column '\(column)'; its columns are: \(columns.joined(separator: ", "))"
        case let .cannotTellYear(files):
            return "cannot tell the year of \(files.joined(separator: ", ")): no year in the file names; pass --year"
        case let .noUsableAreas(file, rejected):
            return "\(file): no usable area (\(rejected) rejected; see the rejects); the store is unchanged"
        case let .wrongCoordinateSystem(file, crs, inside, total, example, layer):
            return "\(file)\(layer.map { ", layer '\($0)'" } ?? ""): only \(inside) of \(total) areas land in the Netherlands when read as \(crs)"
                + (example.map { " (e.g. \($0) in EPSG:28992)" } ?? "")
                + "; is the coordinate system right? (RD metres declared as WGS84, or latitude and longitude swapped?) "
                + "Fix the file's CRS or give the right one with --srs; nothing was stored"
        case let .levelMismatch(file, expected, found):
            return "\(file): --level \(expected) was given but the postcodes are \(found)"
        }
    }
}

extension IngestError {
    /// A key column read as numbers loses the BU/WK prefix and leading zeros of every code: when
    /// at least half the rows lost them, the whole file is wrong, not some rows.
    static func checkLeadingZeros(lost: Int, read: Int, file: String, column: String, example: String?) throws(IngestError) {
        if lost > 0, lost * 2 >= read { throw .keyLosesLeadingZeros(file: file, column: column, example: example ?? "") }
    }
}
