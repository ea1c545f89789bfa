import Atlas

/// areas.csv: one row per area of the set, ordered by code.
public enum AreasTable {
    public static let header = ["area_code", "level", "year", "municipality", "area_km2", "point_x", "point_y",
                                "population", "households", "special_values"]

    public static func row(_ area: AreaRecord) -> [String] {
        [area.code, area.level.rawValue, String(area.year), area.municipality ?? "",
         Format.fixed(area.areaM2.map { $0 / 1_000_000 }, decimals: 4),
         Format.fixed(area.pointX, decimals: 2), Format.fixed(area.pointY, decimals: 2),
         Format.count(area.population), Format.count(area.households),
         String(area.values.values.filter(\.isSpecial).count)]
    }

    public static func write(_ areas: [AreaRecord], to path: String) throws {
        try CSVFile.write(header: header, rows: areas.map(row), to: path)
    }
}

/// rejected.csv: every input row (or value) that was not accepted, with the reason.
public enum RejectsTable {
    public static let header = ["file", "line", "field", "value", "reason", "row_rejected"]

    public static func write(_ rejects: [Reject], to path: String) throws {
        try CSVFile.write(header: header, rows: rejects.map {
            [$0.file, String($0.line), $0.field, $0.value, $0.reason, $0.rowRejected ? "1" : "0"]
        }, to: path)
    }
}
