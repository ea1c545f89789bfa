import Atlas

/// areas.csv: one row per area of the set, ordered by code, with its risk indices.
public enum AreasTable {
    public static let indexNames = IndexName.allCases.map(\.rawValue)
    public static let header = ["area_code", "level", "year", "municipality", "area_km2", "point_x", "point_y",
                                "population", "households"]
        + indexNames.flatMap {
            ["\($0)_score", "\($0)_percentile", "\($0)_decile", "\($0)_percentile_p5", "\($0)_percentile_p95",
             "\($0)_top_decile_share", "\($0)_cluster", "\($0)_under_reached"]
        }
        + ["ranked", "not_ranked_reason", "missing_components", "requests", "requests_per_1000_households",
           "special_values"]

    /// `reach` is nil when the store holds no match history. Request counts of 1 to
    /// threshold − 1 are not shown (nor the rate that would reveal them).
    public static func row(_ area: AreaRecord, indices: [String: StoredIndexScore], reach: Reach.AreaReach?,
                           suppression: Suppression = Suppression()) -> [String] {
        var row = [area.code, area.level.rawValue, String(area.year), area.municipality ?? "",
                   Format.fixed(area.areaM2.map { $0 / 1_000_000 }, decimals: 4),
                   Format.fixed(area.pointX, decimals: 2), Format.fixed(area.pointY, decimals: 2),
                   Format.count(area.population), Format.count(area.households)]
        for name in indexNames {
            let s = indices[name]
            row += [Format.fixed(s?.score, decimals: 2), Format.fixed(s?.percentile, decimals: 2),
                    s?.decile.map(String.init) ?? "", Format.fixed(s?.percentileP5, decimals: 2),
                    Format.fixed(s?.percentileP95, decimals: 2), Format.fixed(s?.topDecileShare, decimals: 3),
                    s?.cluster ?? "", s?.underReached.map { $0 ? "1" : "0" } ?? ""]
        }
        let computed = indexNames.compactMap { name in indices[name].map { (name, $0) } }
        row.append(computed.isEmpty ? "" : (computed.allSatisfy { $0.1.notRankedReason == nil } ? "1" : "0"))
        row.append(computed.compactMap { name, s in s.notRankedReason.map { "\(name): \($0)" } }.joined(separator: "; "))
        row.append(computed.filter { !$0.1.missingComponents.isEmpty }
            .map { name, s in "\(name): \(s.missingComponents.joined(separator: ", "))" }.joined(separator: "; "))
        let hidden = reach.map { suppression.hides($0.requests) } ?? true
        row.append(reach.map { hidden ? "" : String($0.requests) } ?? "")
        row.append(hidden ? "" : Format.fixed(reach?.perThousandHouseholds, decimals: 2))
        row.append(String(area.values.values.filter(\.isSpecial).count))
        return row
    }

    public static func table(_ areas: [AreaRecord], indices: [String: [String: StoredIndexScore]],
                             reach: [String: Reach.AreaReach], suppression: Suppression) -> PublishedTable {
        PublishedTable(file: "areas.csv", header: header, rows: areas.map {
            row($0, indices: indices[$0.code] ?? [:], reach: reach.isEmpty ? nil : reach[$0.code] ?? .init(requests: 0, perThousandHouseholds: nil),
                suppression: suppression)
        })
    }
}

/// index_components.csv: one row per area × index × component (tidy), for researchers.
public enum IndexComponentsTable {
    public static let header = ["area_code", "index", "component", "value", "percentile"]

    public static func table(_ rows: [(code: String, index: String, component: String, value: Double, percentile: Double)])
        -> PublishedTable {
        PublishedTable(file: "index_components.csv", header: header, rows: rows.map {
            [$0.code, $0.index, $0.component, Format.fixed($0.value, decimals: 6), Format.fixed($0.percentile, decimals: 2)]
        })
    }
}

/// index_summary.csv: per index, the measures of the whole set (Moran's I, stability, reach).
public enum IndexSummaryTable {
    public static let header = ["index", "measure", "value"]

    public static func table(_ measures: [(index: String, measure: String, value: Double?)]) -> PublishedTable {
        PublishedTable(file: "index_summary.csv", header: header,
                       rows: measures.map { [$0.index, $0.measure, Format.fixed($0.value, decimals: 4)] })
    }
}

/// rejected.csv: every input row (or value) that was not accepted, with the reason.
public enum RejectsTable {
    public static let header = ["file", "line", "field", "value", "reason", "row_rejected"]

    public static func table(_ rejects: [Reject]) -> PublishedTable {
        PublishedTable(file: "rejected.csv", header: header, rows: rejects.map {
            [$0.file, String($0.line), $0.field, $0.value, $0.reason, $0.rowRejected ? "1" : "0"]
        })
    }

    /// Writes the rejects to any path (`--rejects FILE`).
    public static func write(_ rejects: [Reject], to path: String) throws {
        let t = table(rejects)
        try CSVFile.write(header: t.header, rows: t.rows, to: path)
    }
}
