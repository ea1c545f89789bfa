import CSV
import Foundation

/// Writes a CSV file (RFC 4180 quoting by CSV.swift, UTF-8, LF, final newline) atomically:
/// the content goes to a temporary file that replaces `path` only when complete. Every cell
/// passes `SpreadsheetSafe` (no formula reaches a spreadsheet program).
public enum CSVFile {
    public static func write(header: [String], rows: [[String]], to path: String) throws {
        let writer = try CSVWriter(stream: OutputStream(toMemory: ()))
        try writer.write(row: header.map(SpreadsheetSafe.cell))
        for row in rows {
            precondition(row.count == header.count, "row has \(row.count) fields, header \(header.count)")
            try writer.write(row: row.map(SpreadsheetSafe.cell))
        }
        writer.stream.close()
        guard var data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        data.append(0x0A)
        try OutputFile.write(data, to: path)
    }
}

/// Errors while writing outputs.
public enum ReportError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)
    case unknownLocation(String, known: [String])
    case quarterOutsideHistory(String, first: String, last: String)
    public var description: String {
        switch self {
        case let .cannotWrite(path, reason): return "cannot write \(path): \(reason)"
        case let .unknownLocation(name, known):
            return "no requests for location '\(name)' (known: \(known.joined(separator: ", ")), or 'all')"
        case let .quarterOutsideHistory(label, first, last):
            return "no request in \(label): the match history runs from \(first) to \(last); nothing was written"
        }
    }
}

/// Creates an output folder (and its parents), with a clear error when that is not possible.
/// Creates the output folder, and removes what killed runs left there (`OutputFile`).
public func createOutputFolder(_ path: String) throws {
    do {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
        throw ReportError.cannotWrite(path: path, reason: POSIXErrorDescription(error) ?? "cannot create the folder")
    }
    OutputFile.removeStaleTemporaries(in: path)
}

/// The POSIX reason under a Foundation file error ("No such file or directory").
func POSIXErrorDescription(_ error: Error) -> String? {
    guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
          underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    else { return nil }
    return String(cString: strerror(code.rawValue))
}

/// Locale-independent number formatting for outputs (byte-identical across runs and machines).
public enum Format {
    public static func fixed(_ value: Double?, decimals: Int) -> String {
        guard let value, value.isFinite else { return "" }
        return String(format: "%.\(decimals)f", value)
    }

    /// A whole number without decimals, else one decimal (chart labels).
    public static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.1f", value)
    }

    /// A count: "9705" (counts from CBS are whole numbers).
    public static func count(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return abs(value) < 1e15 ? String(Int64(value.rounded())) : String(format: "%.0f", value)
    }
}
