import Foundation

/// One shareable table as it is published: a file name, a header and rows of cell text. The CSV
/// file and the workbook's sheet are both written from this value, so they cannot differ.
public struct PublishedTable: Sendable, Codable {
    /// The CSV file name, e.g. "areas.csv"; the sheet is named without the extension.
    public var file: String
    public var header: [String]
    public var rows: [[String]]

    public init(file: String, header: [String], rows: [[String]]) {
        self.file = file
        self.header = header
        self.rows = rows
    }

    public var sheetName: String { (file as NSString).deletingPathExtension }

    /// Writes the table as `folder/file` (atomically, spreadsheet-safe cells).
    public func writeCSV(in folder: String) throws {
        try CSVFile.write(header: header, rows: rows, to: (folder as NSString).appendingPathComponent(file))
    }
}
