import Atlas
import Foundation
import Geo

/// Everything a quarterly report draws on, loaded once for all reports of a run.
public struct ReportData: Sendable {
    public var areas: [AreaRecord]
    public var geometries: [String: Data]
    public var scores: [String: [String: StoredIndexScore]]
    public var reach: [String: Reach.AreaReach]
    public var plan: StoredTargetPlan?
    public var requests: [HelpRequest]
    public var helpers: [Helper]
    /// The run's protected match-history tables: every count a page shows is one of their cells.
    public var tables: MatchTables
    /// Area points of PC6 and PC4 areas (distances), and of PC4 only (the catchment drawing,
    /// coarse on purpose so that no volunteer's address can be read from the map).
    public var locator: Locator
    public var pc4Locator: Locator
    public var rule: OutcomeRule
    public var suppression: Suppression
    public var language: ReportLanguage
    public var lowHelpersPerRequest: Double
    /// Where the areas came from (file name) and their statistics year.
    public var areaSource: String
    public var areaYear: Int

    public init(areas: [AreaRecord], geometries: [String: Data], scores: [String: [String: StoredIndexScore]],
                reach: [String: Reach.AreaReach], plan: StoredTargetPlan?, requests: [HelpRequest], helpers: [Helper],
                tables: MatchTables, locator: Locator, pc4Locator: Locator, rule: OutcomeRule, suppression: Suppression, language: ReportLanguage,
                lowHelpersPerRequest: Double, areaSource: String, areaYear: Int) {
        self.areas = areas
        self.geometries = geometries
        self.scores = scores
        self.reach = reach
        self.plan = plan
        self.requests = requests
        self.helpers = helpers
        self.tables = tables
        self.locator = locator
        self.pc4Locator = pc4Locator
        self.rule = rule
        self.suppression = suppression
        self.language = language
        self.lowHelpersPerRequest = lowHelpersPerRequest
        self.areaSource = areaSource
        self.areaYear = areaYear
    }
}

/// One report: a location (or all locations) and a quarter.
public struct QuarterReport: Sendable {
    public var location: LocationScope
    public var quarter: Quarter

    public init(location: LocationScope, quarter: Quarter) {
        self.location = location
        self.quarter = quarter
    }

    /// The file name: report.html for all locations in the latest quarter, else
    /// report-<slug>-<quarter>.html with the location's slug from `slugs(for:)`.
    public func fileName(latest: Quarter, slugs: [LocationScope: String]) -> String {
        if location == .all && quarter == latest { return "report.html" }
        return "report-\(slugs[location] ?? QuarterReport.slug(location.label))-\(quarter.label).html"
    }

    /// The longest slug kept (the file name stays far below the 255 bytes a file system allows).
    static let maxSlugLength = 60

    /// One slug per location that no two locations share: the folded name, and where two names
    /// fold to the same slug (or to nothing, or to a long one) a short stable hash of the name.
    public static func slugs(for locations: [LocationScope]) -> [LocationScope: String] {
        let scopes = Array(Set(locations + [.all])).sorted()
        let plain = Dictionary(uniqueKeysWithValues: scopes.map { ($0, slug($0.label)) })
        let counts = Dictionary(grouping: scopes, by: { plain[$0] ?? "" }).mapValues(\.count)
        var out: [LocationScope: String] = [:]
        for scope in scopes {
            let base = plain[scope] ?? ""
            if scope == .all { out[scope] = base; continue }
            if base.isEmpty || (counts[base] ?? 0) > 1 || base.count > maxSlugLength {
                let short = String(base.prefix(maxSlugLength)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
                out[scope] = (short.isEmpty ? "" : short + "-") + stableHash(scope.label)
            } else {
                out[scope] = base
            }
        }
        return out
    }

    /// FNV-1a (32 bits) of the UTF-8 bytes, as 8 hex digits: the same name gives the same file
    /// name in every run.
    static func stableHash(_ s: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in s.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        return String(format: "%08x", h)
    }

    public static func slug(_ s: String) -> String {
        let folded = s.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var out = ""
        for ch in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(ch) && ch.isASCII { out.unicodeScalars.append(ch) }
            else if !out.hasSuffix("-") { out += "-" }
        }
        return out.trimmingCharacters(in: CharacterSet(charactersIn: "-")).lowercased()
    }

    /// The page and its figures; `scope` is this report's location, prepared once for all its quarters.
    func render(_ data: ReportData, scope: ReportScope, fileName name: String) -> (html: String, figures: [[String]]) {
        let text = ReportText(lang: data.language, threshold: data.suppression.threshold)
        let figures = ReportFigures(text: text)
        let page = QuarterPage(report: self, scope: scope, data: data, text: text, figures: figures).page()
        let location = MatchTables.name(location)
        return (page.markup, figures.figures.map {
            [name, location, quarter.label, $0.section, $0.group, $0.measure, $0.value, $0.suppressed ? "1" : "0"]
        })
    }

    /// The page and its figures, for one report on its own.
    public func render(_ data: ReportData, fileName name: String) -> (html: String, figures: [[String]]) {
        render(data, scope: ReportScope(location, data: data), fileName: name)
    }

    /// report_figures.csv: the page, its location (`all` for all locations) and quarter, and per
    /// figure the table it comes from (`section`), its row (`group`) and column (`measure`).
    public static let figuresHeader = ["report", "location", "quarter", "section", "group", "measure", "value", "suppressed"]
}
