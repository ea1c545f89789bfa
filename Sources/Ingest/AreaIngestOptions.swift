import Atlas
import Store

/// What `ingest areas` reads.
public struct AreaIngestOptions: Sendable {
    public var boundaries: String
    public var statistics: [String] = []
    /// The postcode column of the boundaries (found by name when nil).
    public var key: String?
    /// The postcode column of the statistics tables (found by name when nil).
    public var statisticsKey: String?
    public var level: AreaLevel?
    public var year: Int?
    /// Layer name in a multi-layer source (the first layer when nil).
    public var layer: String?
    /// The source's coordinate system (e.g. "EPSG:28992"), overriding what it declares.
    public var sourceCRS: String?
    /// Use only the shapes and codes of the boundary file, none of its attributes.
    public var boundariesOnly = false
    /// The 1-based header row of the statistics tables (found by itself when nil).
    public var statisticsHeaderRow: Int?
    /// Accept a statistics table that matches fewer than half of the areas.
    public var allowSparseJoin = false

    public init(boundaries: String) { self.boundaries = boundaries }
}

/// What an area ingest did, for the summary a user reads.
public struct AreaIngestSummary: Sendable {
    public var level: AreaLevel
    public var year: Int
    public var sourceCRS: String
    public var files: [IngestFileCount]
    public var areasRead: Int
    public var areasStored: Int
    /// Per statistics file: rows joined to an area.
    public var statisticsJoined: [(file: String, joined: Int)]
    /// Codes present in a statistics table but without an (accepted) area.
    public var codesWithoutGeometry: [String]
    /// Stored areas without a row in any statistics table (empty when no table was given).
    public var areasWithoutStatistics: [String]
    /// Areas stored with their statistics but without a usable shape (empty, missing or broken geometry).
    public var areasWithoutShape: [String]
    /// Areas whose invalid geometry was repaired with GEOS MakeValid.
    public var repairedGeometries: [String]
    public var indicators: [IndicatorSummary]
    public var notes: [String]
    public var rejects: [Reject]
    public var runID: Int64
    public var population: Double
    /// Every stand-in rule that applied, with the number of areas (docs/METHOD.md §1).
    public var fallbacks: [(rule: String, areas: Int)] = []
    /// Set when the files were not read again: the ingest run that made the stored set from
    /// the same bytes and options.
    public var unchangedSince: Int64?
}

