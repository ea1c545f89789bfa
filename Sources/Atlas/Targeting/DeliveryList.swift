/// The delivery lists of a flyer plan: for each chosen area its PC6 postcodes with their
/// letterboxes, in rounds of about one volunteer's load, each in walking order. The
/// letterboxes of an area add up to its flyers (its households, rounded up).
public struct DeliveryList: Sendable, Equatable {
    public enum Source: String, Sendable { case pc6Areas = "pc6", pc6Targets = "pc6_targets", wholeArea = "whole_area" }

    public var rank: Int
    /// The chosen area (PC4), or the PC4 of chosen PC6 areas.
    public var code: String
    public var municipality: String?
    public var flyers: Int
    public var source: Source
    public var rounds: [DeliveryRoute.Round]
    public var letterboxes: Int { rounds.reduce(0) { $0 + $1.letterboxes } }

    /// One PC6 area of the delivery set: code, households (nil: CBS secret) and point (EPSG:28992).
    public struct PostcodeArea: Sendable {
        public var code: String
        public var households: Double?
        public var x: Double
        public var y: Double
        public init(code: String, households: Double?, x: Double, y: Double) {
            self.code = code
            self.households = households
            self.x = x
            self.y = y
        }
    }

    /// Lists for PC4 targets split over `pc6` (any order): each target's flyers are apportioned
    /// over its PC6 areas by households. A target without PC6 areas is one stop at its own point.
    public static func forAreaTargets(_ targets: [FlyerTargeting.Target], municipalities: [String: String],
                                      points: [String: (x: Double, y: Double)], pc6: [PostcodeArea],
                                      roundSize: Int) -> [DeliveryList] {
        var byArea: [String: [PostcodeArea]] = [:]
        for area in pc6 where area.code.count >= 4 { byArea[String(area.code.prefix(4)), default: []].append(area) }
        let grouped = byArea
        // Every target's walking orders are independent of the others': all cores, same lists.
        return Parallel.map(targets.count) { k in
            let t = targets[k]
            let parts = (grouped[t.code] ?? []).sorted { $0.code < $1.code }
            let stops: [DeliveryRoute.Stop]
            let source: Source
            if parts.isEmpty {
                let p = points[t.code] ?? (0, 0)
                stops = [DeliveryRoute.Stop(code: t.code, letterboxes: t.flyers, x: p.x, y: p.y)]
                source = .wholeArea
            } else {
                let letterboxes = DeliveryRoute.apportion(t.flyers, weights: parts.map(\.households))
                stops = zip(parts, letterboxes).filter { $0.1 > 0 }
                    .map { DeliveryRoute.Stop(code: $0.0.code, letterboxes: $0.1, x: $0.0.x, y: $0.0.y) }
                source = .pc6Areas
            }
            return DeliveryList(rank: t.rank, code: t.code, municipality: municipalities[t.code], flyers: t.flyers,
                                source: source, rounds: DeliveryRoute.rounds(stops, size: roundSize))
        }
    }

    /// Lists for a plan chosen among PC6 areas: its targets grouped by PC4, each PC6 area a stop
    /// with its own flyers; ranked by the group's first chosen area.
    public static func forPostcodeTargets(_ targets: [FlyerTargeting.Target], municipalities: [String: String],
                                          points: [String: (x: Double, y: Double)], roundSize: Int) -> [DeliveryList] {
        var groups: [String: [FlyerTargeting.Target]] = [:]
        for t in targets { groups[String(t.code.prefix(4)), default: []].append(t) }
        let keyed = Array(groups)
        return Parallel.map(keyed.count) { k in
            let (pc4, members) = keyed[k]
            let stops = members.sorted { $0.code < $1.code }.map { t in
                DeliveryRoute.Stop(code: t.code, letterboxes: t.flyers, x: points[t.code]?.x ?? 0, y: points[t.code]?.y ?? 0)
            }
            return DeliveryList(rank: members.map(\.rank).min() ?? 0, code: pc4,
                                municipality: members.first.flatMap { municipalities[$0.code] },
                                flyers: members.reduce(0) { $0 + $1.flyers }, source: .pc6Targets,
                                rounds: DeliveryRoute.rounds(stops, size: roundSize))
        }.sorted { $0.rank < $1.rank }
    }
}
