/// Column names hulpatlas recognises in CBS files and other exports, in order of preference.
/// CBS names change between years and between the long (GeoPackage) and short (spreadsheet)
/// headers; every variant is listed here and nowhere else.
public enum KnownColumns {
    /// Postcode key columns, compared case-insensitively.
    public static let postcode = ["postcode", "pc6", "pc4", "pc6code", "pc4code", "postcode6",
                                  "postcode4", "postcode_6", "postcode_4", "pc"]
    /// Wijk and buurt code columns (CBS wijk- en buurtkaart, StatLine), compared case-insensitively.
    public static let areaCode = ["buurtcode", "wijkcode", "gwb_code", "gwb_code_10", "statcode", "codering_3",
                                  "wijkenenbuurten"]
    /// Municipality name (text) columns.
    public static let municipality = ["gemeente", "gemeentenaam", "municipality", "gm_naam", "gemeente_naam"]
    /// Total population.
    /// Total population: the first column is the rule, the others stand in where it is secret or
    /// missing (`PopulationFallback` reports how often; docs/METHOD.md §1).
    public static let population = ["aantal_inwoners", "aantalInwoners", "inwoners", "certegis_inwoners_2021"]
    /// Number of private households (letterboxes, for flyer planning).
    public static let households = ["aantal_part_huishoudens", "aantalHuishoudens", "aantal_huishoudens"]

    /// The first column of `candidates` present in `columns` (case-insensitive), with its real spelling.
    public static func find(_ candidates: [String], in columns: [String]) -> String? {
        let byLower = Dictionary(columns.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        for candidate in candidates {
            if let hit = byLower[candidate.lowercased()] { return hit }
        }
        return nil
    }
}
