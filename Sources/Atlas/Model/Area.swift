/// A postcode area as stored: code, geometry-derived measures, and its statistics.
public struct AreaRecord: Sendable, Equatable {
    public var code: String
    public var level: AreaLevel
    public var year: Int
    public var municipality: String?
    /// Area in m² (EPSG:28992); nil when the source had no usable shape for it.
    public var areaM2: Double?
    /// A point inside the area (GEOS point-on-surface), EPSG:28992 metres; nil without a shape.
    public var pointX: Double?
    public var pointY: Double?
    /// Statistics by column name; only columns the area has a cell for.
    public var values: [String: CBSValue]

    public init(code: String, level: AreaLevel, year: Int, municipality: String?, areaM2: Double?,
                pointX: Double?, pointY: Double?, values: [String: CBSValue]) {
        self.code = code
        self.level = level
        self.year = year
        self.municipality = municipality
        self.areaM2 = areaM2
        self.pointX = pointX
        self.pointY = pointY
        self.values = values
    }

    /// The first known column of `candidates` that holds a number.
    public func number(_ candidates: [String]) -> Double? {
        for name in candidates {
            if let v = values[name]?.number { return v }
        }
        return nil
    }

    public var population: Double? { number(KnownColumns.population) }
    public var households: Double? { number(KnownColumns.households) }
}

/// One input row that was not accepted (or one value that was not usable), for rejected.csv.
public struct Reject: Error, Sendable, Equatable {
    public var file: String
    /// 1-based line in a text file, or the feature id in other formats.
    public var line: Int
    public var field: String
    public var value: String
    public var reason: String
    /// true: the whole row was rejected; false: the row was kept, this value was set missing.
    public var rowRejected: Bool

    public init(file: String, line: Int, field: String, value: String, reason: String, rowRejected: Bool = true) {
        self.file = file
        self.line = line
        self.field = field
        self.value = value
        self.reason = reason
        self.rowRejected = rowRejected
    }
}
