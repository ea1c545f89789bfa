/// The columns of a published table, in order; the raw value is the CSV header name.
public protocol TableColumn: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String {}

extension TableColumn {
    /// The CSV header.
    public static var header: [String] { allCases.map(\.rawValue) }
    /// The column's position in a row.
    public var position: Int { Array(Self.allCases).firstIndex(of: self) ?? 0 }
}

/// One published row, as its CSV cells after protection, read by column.
public struct PublishedRow<Column: TableColumn>: Sendable {
    public let cells: [String]

    public init(cells: [String]) { self.cells = cells }

    public subscript(_ column: Column) -> String { column.position < cells.count ? cells[column.position] : "" }

    /// The cell is empty because it was hidden (the row's `suppressed` flag is set).
    public func isHidden(_ column: Column, flag: Column) -> Bool { self[flag] == "1" && self[column].isEmpty }
}
