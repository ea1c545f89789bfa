import Foundation
import Geo

/// Writes tables as the sheets of one XLSX workbook through GDAL's XLSX driver, from the same
/// rows as their CSV files (each cell made spreadsheet-safe the same way). Columns whose cells
/// are numbers in every row become numeric columns.
public enum Workbook {
    public static func write(_ tables: [PublishedTable], to path: String) throws {
        let writer = try VectorFileWriter(path: path, driver: "XLSX")
        for table in tables {
            let header = table.header.map(SpreadsheetSafe.cell)
            let rows = table.rows.map { $0.map(SpreadsheetSafe.cell) }
            let numeric = header.indices.map { i in
                rows.allSatisfy { $0[i].isEmpty || Double($0[i]) != nil } && rows.contains { !$0[i].isEmpty }
            }
            let fields = header.enumerated().map { FieldDefinition(name: $1, kind: numeric[$0] ? .real : .text) }
            let layer = try writer.addLayer(name: table.sheetName, spatialReference: nil, geometryKind: .none, fields: fields)
            for row in rows {
                try layer.add(row.enumerated().map { i, cell in
                    guard !cell.isEmpty else { return .null }
                    if numeric[i], let number = Double(cell) { return .real(number) }
                    return .text(cell)
                }, geometry: nil)
            }
        }
        try writer.commit()
    }
}
