import Atlas

/// Where the header of a statistics spreadsheet or CSV is, and what its columns are called.
///
/// CBS publishes its tables with title and note rows above the header (about ten in the XLSX),
/// sometimes with Dutch labels and short codes on separate rows, and a row of units under the
/// header. The header is the row among the first `scanRows` with the most recognised column
/// names (short codes, long names, a known postcode column, or a whole known label row of a
/// release); a units row right under it is skipped. Without any recognised name the first row
/// is the header, as in an ordinary CSV.
struct StatisticsHeader: Equatable {
    /// 0-based record of the header.
    var row: Int
    /// 0-based record of the first data row.
    var dataStart: Int
    /// Column names, mapped onto CBS's long names; "" for an unnamed column.
    var names: [String]
    /// The CBS release whose label row was recognised, if it was one.
    var release: String?
    var unitsRowSkipped: Bool

    static let scanRows = 30

    /// Names that identify a header cell: long names, short codes and the known key columns.
    static let knownNames: Set<String> = {
        var names = Set(CBSVocabulary.shortCodes.keys.map { $0.lowercased() })
        names.formUnion(CBSVocabulary.shortCodes.values.map { $0.lowercased() })
        for header in CBSVocabulary.labelHeaders { names.formUnion(header.columns.map { $0.name.lowercased() }) }
        for list in [KnownColumns.postcode, KnownColumns.areaCode, KnownColumns.municipality, KnownColumns.population,
                     KnownColumns.households] {
            names.formUnion(list.map { $0.lowercased() })
        }
        return names
    }()

    /// `rows` are the first records as text; `requested` a 1-based header row given by the user.
    static func detect(_ rows: [[String]], requested: Int?, file: String) throws -> StatisticsHeader {
        if let requested {
            guard requested >= 1, requested <= rows.count else {
                throw IngestError.headerRowOutOfRange(file: file, row: requested, rows: rows.count)
            }
            return make(rows, at: requested - 1)
        }
        var best: (row: Int, score: Int)?
        for (r, row) in rows.prefix(scanRows).enumerated() {
            let score: Int
            if let label = CBSVocabulary.labelHeader(row) {
                score = label.names.count
            } else {
                score = row.filter { knownNames.contains($0.trimmingSpaces().lowercased()) }.count
            }
            if score > (best?.score ?? 0) { best = (r, score) }
        }
        return make(rows, at: best?.row ?? 0)
    }

    private static func make(_ rows: [[String]], at r: Int) -> StatisticsHeader {
        let row = rows.indices.contains(r) ? rows[r] : []
        let label = CBSVocabulary.labelHeader(row)
        var names = label?.names ?? row.map { CBSVocabulary.canonicalName($0.trimmingSpaces()) }
        if let label, names.count < row.count { names += Array(repeating: "", count: row.count - label.names.count) }
        let units = rows.indices.contains(r + 1) && CBSVocabulary.isUnitRow(rows[r + 1])
        return StatisticsHeader(row: r, dataStart: r + (units ? 2 : 1), names: names, release: label?.release,
                                unitsRowSkipped: units)
    }

    /// What the summary says about the layout, when it was not a plain one-row header.
    var note: String? {
        var parts: [String] = []
        if row > 0 { parts.append("header on row \(row + 1), \(row) title row\(row == 1 ? "" : "s") above it skipped") }
        if let release { parts.append("Dutch labels of \(release) mapped to CBS's long names by position") }
        if unitsRowSkipped { parts.append("units row \(row + 2) skipped") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}

/// The header detection for the fuzz target (StatisticsHeader is internal to Ingest).
public enum StatisticsHeaderProbe {
    public static func detect(_ rows: [[String]]) throws -> (row: Int, dataStart: Int) {
        let h = try StatisticsHeader.detect(rows, requested: nil, file: "fuzz")
        return (h.row, h.dataStart)
    }
}
