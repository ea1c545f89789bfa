import Atlas

/// delivery.csv: one row per stop of every delivery round, in walking order.
public enum DeliveryTable {
    public static let header = ["rank", "target_area", "municipality", "source", "round", "stop", "area_code", "letterboxes",
                                "walk_from_previous_m", "round_letterboxes", "round_walk_m", "target_letterboxes"]

    public static func table(_ lists: [DeliveryList]) -> PublishedTable {
        var rows: [[String]] = []
        for list in lists {
            for (r, round) in list.rounds.enumerated() {
                for (s, stop) in round.stops.enumerated() {
                    let walk = s == 0 ? 0 : DeliveryRoute.length([round.stops[s - 1], stop])
                    rows.append([String(list.rank), list.code, list.municipality ?? "", list.source.rawValue, String(r + 1),
                                 String(s + 1), stop.code, String(stop.letterboxes), Format.fixed(walk, decimals: 0),
                                 String(round.letterboxes), Format.fixed(round.metres, decimals: 0), String(list.letterboxes)])
                }
            }
        }
        return PublishedTable(file: "delivery.csv", header: header, rows: rows)
    }
}
