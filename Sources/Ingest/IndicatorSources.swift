import Atlas
import Foundation
import Geo

/// Where each indicator of an area set comes from: the statistics tables (first table first),
/// then the boundary file's own numeric attributes, then RIVM's tables; and the set's year.
/// Statistics given explicitly win over same-named attributes of the boundary file.
struct IndicatorSources {
    let year: Int
    let tables: [StatisticsTable]
    let rivmTables: [RIVMHealthTable]
    /// The boundary file's municipality column (nil when only its shapes and codes are used).
    let municipalityColumn: String?
    /// The boundary fields that may hold indicators.
    let candidateFields: [Int]
    /// Per table, per numeric column: whether this table's values are used.
    let tableColumnUsed: [[Bool]]
    /// Indicator → the file its values come from.
    private(set) var file: [String: String] = [:]
    /// The indicators in the order they are listed.
    private(set) var order: [String] = []
    /// What the user should know about the choices (year, ignored or overridden columns).
    private(set) var notes: [String] = []

    init(_ options: AreaIngestOptions, boundary: BoundarySource) throws {
        let (fields, names) = (boundary.fields, boundary.names)
        // The area set's year is the CBS statistics' year: the shapes may be older, and an RIVM
        // table (a survey year) never decides it.
        let rivmPaths = options.statistics.filter(RIVMHealthTable.recognises(path:))
        let cbsStatistics = options.statistics.filter { !rivmPaths.contains($0) }
        year = try options.year ?? IndicatorSources.yearFromFileNames(cbsStatistics + [options.boundaries])
        if let note = boundary.layerNote { notes.append(note) }
        for path in [options.boundaries] + options.statistics {
            if let named = try? IndicatorSources.yearFromFileNames([path]), named != year {
                notes.append("\(path): the file name says \(named), the area set is \(year)"
                             + (options.year != nil ? " (--year)" : " (the statistics' year)"))
            }
        }
        tables = try cbsStatistics.map {
            try StatisticsTable(path: $0, keyColumn: options.statisticsKey, level: boundary.level, headerRow: options.statisticsHeaderRow)
        }
        for table in tables { if let note = table.layoutNote { notes.append("\(table.file): \(note)") } }
        rivmTables = try rivmPaths.map(RIVMHealthTable.init(path:))

        // A boundary file of another year than the statistics gives shapes and codes only: its
        // attributes would mix years in one area set.
        let boundaryYear = try? IndicatorSources.yearFromFileNames([options.boundaries])
        let otherYear = !cbsStatistics.isEmpty && boundaryYear != nil && boundaryYear != year
        let boundariesOnly = options.boundariesOnly || otherYear
        if let boundaryYear, otherYear, !options.boundariesOnly {
            notes.append("\(options.boundaries): a \(boundaryYear) file for a \(year) area set: only its shapes and codes are used, "
                         + "none of its \(boundaryYear) statistics")
        }
        municipalityColumn = boundariesOnly ? nil : KnownColumns.find(KnownColumns.municipality, in: names)
        var seenNames = Set<String>()
        let municipality = municipalityColumn
        candidateFields = boundariesOnly ? [] : fields.indices.filter {
            $0 != boundary.keyIndex && names[$0] != municipality && fields[$0].kind != .other && seenNames.insert(names[$0]).inserted
        }
        if options.boundariesOnly {
            notes.append("\(options.boundaries): --boundaries-only: only its shapes and codes are used "
                         + "(\(fields.count - 1) attribute columns ignored)")
        }
        var used: [[Bool]] = []
        for table in tables {
            if !table.textColumns.isEmpty {
                notes.append("\(table.file): columns without numbers, not stored as indicators: "
                             + table.textColumns.joined(separator: ", "))
            }
            var columns: [Bool] = []
            for column in table.numericColumns {
                if let first = file[column] {
                    notes.append("\(table.file): column \(column) is also in \(first); kept the values from \(first)")
                    columns.append(false)
                } else {
                    file[column] = table.file
                    order.append(column)
                    columns.append(true)
                }
            }
            used.append(columns)
        }
        tableColumnUsed = used
        var overridden: [String] = []
        for i in candidateFields {
            if let table = file[names[i]] {
                if table != options.boundaries { overridden.append(names[i]) }
                continue
            }
            file[names[i]] = options.boundaries
            order.append(names[i])
        }
        if !overridden.isEmpty {
            notes.append("\(options.boundaries): \(overridden.count) columns are also in a statistics table, whose values "
                         + "are used (the boundary file's are not): " + overridden.joined(separator: ", "))
        }
        for table in rivmTables {
            for column in table.columns where file[column] == nil {
                file[column] = table.file
                order.append(column)
            }
        }
    }

    /// Boundary columns of words (names, descriptions) are not indicators after all.
    mutating func drop(_ indicators: [String]) {
        order.removeAll { indicators.contains($0) }
    }

    mutating func note(_ text: String) { notes.append(text) }

    /// A year (1990–2100) in the first file name that has one: cbs_pc4_2020_v1.gpkg → 2020.
    static func yearFromFileNames(_ paths: [String]) throws -> Int {
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            var digits = ""
            for ch in name + "_" {
                if ch.isASCII, ch.isNumber {
                    digits.append(ch)
                } else {
                    if digits.count == 4, let y = Int(digits), (1990...2100).contains(y) { return y }
                    digits = ""
                }
            }
        }
        throw IngestError.cannotTellYear(files: paths)
    }
}
