import CSV
import Foundation
import Geo

/// Writes CSV tables as the sheets of one XLSX workbook through GDAL's XLSX driver. Cells
/// that are numbers in every row of a column become numeric columns.
public enum Workbook {
    public static func write(sheets: [(name: String, csvPath: String)], to path: String) throws {
        let writer = try VectorFileWriter(path: path, driver: "XLSX")
        for sheet in sheets {
            guard let stream = InputStream(fileAtPath: sheet.csvPath) else {
                throw ReportError.cannotWrite(path: path, reason: "cannot read \(sheet.csvPath)")
            }
            let reader = try CSVReader(stream: stream, hasHeaderRow: true)
            let header = reader.headerRow ?? []
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            let numeric = header.indices.map { i in
                rows.allSatisfy { $0[i].isEmpty || Double($0[i]) != nil } && rows.contains { !$0[i].isEmpty }
            }
            let fields = header.enumerated().map { FieldDefinition(name: $1, kind: numeric[$0] ? .real : .text) }
            let layer = try writer.addLayer(name: sheet.name, spatialReference: nil, geometryKind: .none, fields: fields)
            for row in rows {
                try layer.add(row.enumerated().map { i, cell in
                    if cell.isEmpty { return .null }
                    return numeric[i] ? .real(Double(cell)!) : .text(cell)
                }, geometry: nil)
            }
        }
        try writer.commit()
    }
}
