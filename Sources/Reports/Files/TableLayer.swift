import Foundation
import Geo

/// A published table as a database table (no geometry) of a `VectorSink`: the same cells as its
/// CSV file, typed. A column whose every cell is a whole number is an integer column, one of
/// numbers a real column; codes (area codes, groups) stay text; empty cells (hidden or not
/// applicable) are NULL.
public enum TableLayer {
    public enum Kind: Equatable, Sendable { case integer, real, text }

    static let wholeNumber = try! NSRegularExpression(pattern: "^-?(0|[1-9][0-9]*)$")

    /// The kind of each column of `table`.
    public static func kinds(_ table: PublishedTable) -> [Kind] {
        table.header.indices.map { i in
            let cells = table.rows.map { $0[i] }.filter { !$0.isEmpty }
            if cells.isEmpty || PrivacyAudit.areaColumns.contains(table.header[i]) { return .text }
            if cells.allSatisfy({ isWholeNumber($0) }) { return .integer }
            if cells.allSatisfy(isNumber) { return .real }
            return .text
        }
    }

    static func isWholeNumber(_ s: String) -> Bool {
        s.count <= 18 && wholeNumber.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
    }

    /// A decimal number, not a code with a leading zero ("0123").
    static func isNumber(_ s: String) -> Bool {
        guard let v = Double(s), v.isFinite else { return false }
        let digits = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        return !(digits.hasPrefix("0") && digits.count > 1 && !digits.hasPrefix("0."))
    }

    /// Adds `table` as layer `table.sheetName` to `sink`.
    public static func add(_ table: PublishedTable, to sink: VectorSink) throws {
        let kinds = kinds(table)
        let fields = zip(table.header, kinds).map { name, kind in
            FieldDefinition(name: name, kind: kind == .integer ? .integer : kind == .real ? .real : .text)
        }
        let layer = try sink.addLayer(name: table.sheetName, spatialReference: nil, geometryKind: .none, fields: fields,
                                      fidColumn: nil)
        for row in table.rows {
            try layer.add(zip(row, kinds).map { cell, kind in
                if cell.isEmpty { return .null }
                switch kind {
                case .integer: return Int64(cell).map(FieldValue.integer) ?? .text(cell)
                case .real: return Double(cell).map(FieldValue.real) ?? .text(cell)
                case .text: return .text(cell)
                }
            }, geometry: nil)
        }
    }
}
