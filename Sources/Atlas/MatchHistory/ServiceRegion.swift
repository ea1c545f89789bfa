/// The organisation's own region: the municipalities where its requesters and volunteers live.
/// Maps are clipped to it, and under-reach is measured within it, so that a national area set
/// neither shrinks the region to a dot nor makes every area's median reach 0.
public enum ServiceRegion {
    /// The areas of the municipalities where `requests`' requesters and `helpers` live (a postcode
    /// is placed by its own code, else its PC4); all `areas` when that gives none (no match
    /// history, or areas without municipality names).
    public static func areas(requests: [HelpRequest], helpers: [Helper], areas: [AreaRecord]) -> [AreaRecord] {
        let byCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var municipalities = Set<String>()
        for p in requests.compactMap(\.requesterPostcode) + helpers.compactMap(\.postcode) {
            if let a = byCode[p.code] ?? byCode[p.pc4], let m = a.municipality { municipalities.insert(m) }
        }
        let chosen = areas.filter { $0.municipality.map(municipalities.contains) ?? false }
        return chosen.isEmpty ? areas : chosen
    }
}
