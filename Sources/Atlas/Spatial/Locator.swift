/// Places postcodes at area points: the PC6 area's point when PC6 areas are loaded and the
/// postcode is a known PC6, else the point of its PC4 area.
public struct Locator: Sendable {
    public struct Place: Sendable, Equatable {
        public var x: Double
        public var y: Double
        /// The area the point belongs to (a PC6 or PC4 code).
        public var area: String
    }

    private let pc6: [String: Place]
    private let pc4: [String: Place]

    public init(pc6Points: [String: (x: Double, y: Double)], pc4Points: [String: (x: Double, y: Double)]) {
        pc6 = pc6Points.reduce(into: [:]) { $0[$1.key] = Place(x: $1.value.x, y: $1.value.y, area: $1.key) }
        pc4 = pc4Points.reduce(into: [:]) { $0[$1.key] = Place(x: $1.value.x, y: $1.value.y, area: $1.key) }
    }

    public func place(_ postcode: Postcode?) -> Place? {
        guard let postcode else { return nil }
        if postcode.level == .pc6, let p = pc6[postcode.code] { return p }
        return pc4[postcode.pc4]
    }

    public var hasAreas: Bool { !pc6.isEmpty || !pc4.isEmpty }
}
