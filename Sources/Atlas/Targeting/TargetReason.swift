extension FlyerTargeting {
    /// Why an area was chosen, as facts rather than words, so that each report language can say
    /// it (`ReportText.targetReason`): the goal's percentiles, the expected households at risk per
    /// 1,000 flyers, under-reach, the chosen neighbour and how near the nearest volunteer is.
    public struct Reason: Sendable, Equatable {
        public struct Percentile: Sendable, Equatable {
            public var index: IndexName
            public var value: Int
            public init(index: IndexName, value: Int) {
                self.index = index
                self.value = value
            }
        }

        public var percentiles: [Percentile]
        public var atRiskPerThousandFlyers: Int
        public var underReached: Bool
        public var adjacentTo: String?
        /// The nearest volunteer, rounded up to 100 m; 0: in the area.
        public var volunteerWithinMetres: Int
        /// Text stored by an earlier version that is not in the encoded form: shown as it is.
        public var storedText: String?

        public init(percentiles: [Percentile], atRiskPerThousandFlyers: Int, underReached: Bool, adjacentTo: String?,
                    volunteerWithinMetres: Int) {
            self.percentiles = percentiles
            self.atRiskPerThousandFlyers = atRiskPerThousandFlyers
            self.underReached = underReached
            self.adjacentTo = adjacentTo
            self.volunteerWithinMetres = volunteerWithinMetres
        }

        /// The reason of a chosen area; `nearest` in metres (under 1: a volunteer in the area).
        init(_ area: Area, goal: Goal, expected: AtRiskModel.Share, flyers: Int, adjacentTo: String?, nearest: Double) {
            self.init(percentiles: goal.indices.map { Percentile(index: $0, value: Int(area.percentiles[$0]!.rounded())) },
                      atRiskPerThousandFlyers: Int((1000 * expected.central / Double(flyers)).rounded()),
                      underReached: area.underReached, adjacentTo: adjacentTo,
                      volunteerWithinMetres: nearest < 1 ? 0 : Int((nearest / 100).rounded(.up)) * 100)
        }

        /// The store's form: `debt=87;loneliness=90;per1000=412;under;next=3312;near=300`.
        public var encoded: String {
            if let storedText { return storedText }
            var parts = percentiles.map { "\($0.index.rawValue)=\($0.value)" }
            parts.append("per1000=\(atRiskPerThousandFlyers)")
            if underReached { parts.append("under") }
            if let adjacentTo { parts.append("next=\(adjacentTo)") }
            parts.append("near=\(volunteerWithinMetres)")
            return parts.joined(separator: ";")
        }

        /// Reads `encoded`; any other text is kept as `storedText`.
        public init(encoded text: String) {
            var percentiles: [Percentile] = []
            var per1000: Int?, near: Int?, under = false, next: String?
            var understood = true
            for part in text.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
                switch (kv.first, kv.count) {
                case ("under", 1): under = true
                case ("per1000", 2): per1000 = Int(kv[1])
                case ("near", 2): near = Int(kv[1])
                case ("next", 2): next = kv[1]
                case let (name?, 2):
                    if let index = IndexName(rawValue: name), let v = Int(kv[1]) {
                        percentiles.append(Percentile(index: index, value: v))
                    } else { understood = false }
                default: understood = false
                }
            }
            guard understood, let per1000, let near else {
                self.init(percentiles: [], atRiskPerThousandFlyers: 0, underReached: false, adjacentTo: nil, volunteerWithinMetres: 0)
                storedText = text
                return
            }
            self.init(percentiles: percentiles, atRiskPerThousandFlyers: per1000, underReached: under, adjacentTo: next,
                      volunteerWithinMetres: near)
        }
    }
}
