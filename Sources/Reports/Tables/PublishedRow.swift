/// The columns of a published table, in order; the raw value is the CSV header name.
public protocol TableColumn: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension TableColumn {
    /// The CSV header.
    public static var header: [String] { allCases.map(\.rawValue) }
    /// The column's position in a row.
    public var position: Int { Array(Self.allCases).firstIndex(of: self) ?? 0 }
}

/// One published row, as its CSV cells, read by column, with the unprotected value it came from
/// (`source`: used only to tell a small hidden count from one hidden to protect another).
public struct PublishedRow<Column: TableColumn, Source: Sendable>: Sendable {
    public let cells: [String]
    public let source: Source

    public init(cells: [String], source: Source) {
        self.cells = cells
        self.source = source
    }

    public subscript(_ column: Column) -> String { cells[column.position] }

    /// The cell is empty because it was hidden (the row's `suppressed` flag is set).
    public func isHidden(_ column: Column, flag: Column) -> Bool { self[flag] == "1" && self[column].isEmpty }
}

/// Pairs each protected CSV row with the value it came from.
func published<Column: TableColumn, Source: Sendable>(_ rows: [[String]], _ sources: [Source], as _: Column.Type)
    -> [PublishedRow<Column, Source>] {
    zip(rows, sources).map { PublishedRow(cells: $0, source: $1) }
}
