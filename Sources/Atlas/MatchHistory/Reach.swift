/// Where the organisation already reaches people: help requests per 1,000 households per area,
/// next to the area's risk.
public enum Reach {
    public struct AreaReach: Sendable, Equatable {
        public var requests: Int
        /// Help requests per 1,000 households; nil without a household count.
        public var perThousandHouseholds: Double?
        public init(requests: Int, perThousandHouseholds: Double?) {
            self.requests = requests
            self.perThousandHouseholds = perThousandHouseholds
        }
    }

    /// Counts help requests by the area their requester's postcode falls in (the PC6 itself
    /// for PC6 areas, its PC4 for PC4 areas). Requests without a postcode in the set are not counted.
    /// `areaOf` places a requester's postcode in an area of a wijk or buurt set (through the
    /// postcode's point); postcode sets use the code itself.
    public static func compute(_ requests: [HelpRequest], areas: [AreaRecord],
                               areaOf: ((Postcode) -> String?)? = nil) -> [String: AreaReach] {
        let level = areas.first?.level ?? .pc4
        var counts: [String: Int] = [:]
        var placed: [Postcode: String?] = [:]
        for r in requests where r.kind == .hulpvraag {
            guard let p = r.requesterPostcode else { continue }
            let code: String?
            if let areaOf {
                if let known = placed[p] { code = known } else { code = areaOf(p); placed[p] = code }
            } else {
                code = p.code(at: level)
            }
            if let code { counts[code, default: 0] += 1 }
        }
        var out: [String: AreaReach] = [:]
        for a in areas {
            let n = counts[a.code] ?? 0
            out[a.code] = AreaReach(requests: n,
                                    perThousandHouseholds: a.households.flatMap { $0 > 0 ? 1000 * Double(n) / $0 : nil })
        }
        return out
    }

    /// Under-reached: in the top risk quintile (percentile ≥ 80) with reach below the median
    /// reach of the ranked areas that have one. With `region` (the organisation's own areas,
    /// `ServiceRegion`), both the median and the areas are taken within it: nationally, most
    /// areas have no request, the median would be 0, and no area could be below it.
    public static func underReached(percentiles: [String: Double], reach: [String: AreaReach],
                                    region: Set<String>? = nil) -> Set<String> {
        let inRegion = percentiles.filter { region?.contains($0.key) ?? true }
        let values = inRegion.keys.compactMap { reach[$0]?.perThousandHouseholds }
        guard let median = Stats.median(values) else { return [] }
        return Set(inRegion.filter { code, pct in
            pct >= 80 && (reach[code]?.perThousandHouseholds.map { $0 < median } ?? false)
        }.keys)
    }
}
