import Atlas
import Ingest
import Reports

// The domain values a command line names (flag types), under the names the CLI uses. The CLI
// imports Pipeline and Config only (DESIGN.md, *Layout and dependencies*); these aliases are the
// whole of what it sees of Atlas and Ingest.

/// debt or loneliness.
public typealias IndexName = Atlas.IndexName
/// pc4, pc6, wijk or buurt.
public typealias AreaLevel = Atlas.AreaLevel
/// praktisch, sociaal or vervoer.
public typealias Category = Atlas.Category
/// nl or en.
public typealias ReportLanguage = Atlas.ReportLanguage
/// What a flyer campaign targets: debt, loneliness or combined.
public typealias TargetGoal = Atlas.FlyerTargeting.Goal
/// How to read an area file and its statistics tables.
public typealias AreaIngestOptions = Ingest.AreaIngestOptions

/// Path comparisons for a command's `validate()`.
public enum PathCheck {
    /// `path` names the same file as one of `others` (after resolving links and `..`).
    public static func isOneOf(_ path: String, _ others: [String]) -> Bool {
        others.contains { OutputNames.sameFile(path, $0) }
    }
}
