import Atlas
import Foundation
import TOMLKit

/// `[target]`: the flyer campaign. Every key is also a `hulpatlas target` flag.
public struct TargetSettings: Sendable, Equatable {
    public var budget = 5000
    public var goal = FlyerTargeting.Goal.combined
    public var municipalities: [String] = []
    /// A postcode (its area point) or "x,y" in EPSG:28992 metres; with `radiusKm`.
    public var around: String?
    public var radiusKm: Double?
    /// Catchment: areas within this distance of an active volunteer.
    public var nearVolunteersKm: Double?
    /// An area is a target only with an active volunteer this close.
    public var volunteerKm = 3.0
    public var category: Category?
    public var preferUnderReached = true
    /// Prefer contiguous clusters: a neighbour of a chosen area counts this much more.
    public var contiguityBonus: Double?
    /// Store a plan that chooses nothing although areas are eligible (otherwise an error).
    public var allowEmpty = false
    /// Letterboxes per delivery round (one volunteer's load) in the delivery lists.
    public var roundLetterboxes = 300
    public init() {}

    /// The rules every source of settings (config, flags) must meet; the message names the
    /// setting as `name` spells it (a flag or a config key).
    public func problems(name: (String) -> String) -> [String] {
        var out: [String] = []
        if budget < 0 { out.append("\(name("budget")) must be a whole number of flyers ≥ 0") }
        func distance(_ key: String, _ v: Double?) {
            guard let v else { return }
            if !v.isFinite || v <= 0 || v > 400 { out.append("\(name(key)) must be a distance in km above 0 and at most 400") }
        }
        distance("radius_km", radiusKm)
        distance("near_volunteers_km", nearVolunteersKm)
        distance("volunteer_km", volunteerKm)
        if let b = contiguityBonus, !b.isFinite || b < 0 || b > 10 {
            out.append("\(name("contiguity_bonus")) must be a number from 0 to 10 (0.25 = +25%)")
        }
        if roundLetterboxes < 1 || roundLetterboxes > 100_000 {
            out.append("\(name("round_letterboxes")) must be a whole number of letterboxes from 1 to 100000")
        }
        if (around == nil) != (radiusKm == nil) { out.append("\(name("around")) and \(name("radius_km")) go together") }
        let catchments = [!municipalities.isEmpty, around != nil, nearVolunteersKm != nil].filter { $0 }.count
        if catchments > 1 {
            out.append("give one catchment: \(name("municipalities")), \(name("around")) with \(name("radius_km")), "
                       + "or \(name("near_volunteers_km"))")
        }
        return out
    }
}

/// `[report]`: which reports `run` writes and how.
public struct ReportSettings: Sendable, Equatable {
    public enum Quarters: Sendable, Equatable {
        case latest, all
        case these([Quarter])

        /// `latest`, `all`, or quarters like 2023-Q4 (the words of `--quarter` and `report.quarters`).
        public init(words: [String]) throws(QuartersError) {
            if words == ["latest"] || words.isEmpty { self = .latest; return }
            if words == ["all"] { self = .all; return }
            if words.contains("all") || words.contains("latest") { throw QuartersError(message: "all and latest stand alone, not with other quarters") }
            self = .these(try words.map { word throws(QuartersError) in
                guard let q = Quarter(label: word) else {
                    throw QuartersError(message: "\(word) is not a quarter (expected e.g. 2023-Q4, latest or all)")
                }
                return q
            })
        }
    }

    public struct QuartersError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
    public var language = ReportLanguage.nl
    public var quarters = Quarters.latest
    /// A category with fewer active volunteers per help request than this is flagged.
    public var lowHelpersPerRequest = 0.5
    /// Also print every page to PDF (A4, page numbers) with headless Chromium.
    public var pdf = false
    public init() {}
}

/// `[run]`: the inputs and outputs of `hulpatlas run --config FILE`, paths relative to the config file.
public struct RunInputs: Sendable, Equatable {
    public var name: String?
    public var areas: String?
    /// PC6 areas for the flyer delivery lists of a PC4 plan (read and checked, not stored).
    public var deliveryAreas: String?
    public var statistics: [String] = []
    public var requests: String?
    public var helpers: String?
    public var out: String?
    public var db: String?
    /// `[run] boundaries_only = true`: only the shapes and codes of `areas`.
    public var boundariesOnly = false
    public var statisticsHeaderRow: Int?
    public init() {}
}

extension HulpatlasConfig {
    static func target(_ t: TOMLTable, _ fail: (String) -> ConfigError) throws -> TargetSettings {
        var s = TargetSettings()
        for key in t.keys {
            let v = t[key]!
            func number() throws -> Double {
                guard let n = v.double ?? v.int.map(Double.init), n.isFinite, n >= 0 else {
                    throw fail("target.\(key) must be a finite number ≥ 0")
                }
                return n
            }
            switch key {
            case "budget":
                guard let n = v.int, n >= 0 else { throw fail("target.budget must be a whole number of flyers ≥ 0") }
                s.budget = n
            case "index":
                guard let g = v.string.flatMap(FlyerTargeting.Goal.init(rawValue:)) else {
                    throw fail("target.index must be one of debt, loneliness, combined")
                }
                s.goal = g
            case "municipalities":
                guard let a = v.array else { throw fail("target.municipalities must be a list of names") }
                s.municipalities = try (0..<a.count).map { i in
                    guard let name = a[i].string else { throw fail("target.municipalities must be a list of names") }
                    return name
                }
            case "around":
                guard let p = v.string else { throw fail("target.around must be a postcode or \"x,y\" (EPSG:28992)") }
                s.around = p
            case "radius_km": s.radiusKm = try number()
            case "near_volunteers_km": s.nearVolunteersKm = try number()
            case "volunteer_km": s.volunteerKm = try number()
            case "category":
                guard let c = v.string.flatMap(Category.init(rawValue:)) else {
                    throw fail("target.category must be one of praktisch, sociaal, vervoer")
                }
                s.category = c
            case "prefer_under_reached":
                guard let b = v.bool else { throw fail("target.prefer_under_reached must be true or false") }
                s.preferUnderReached = b
            case "contiguity_bonus": s.contiguityBonus = try number()
            case "allow_empty":
                guard let b = v.bool else { throw fail("target.allow_empty must be true or false") }
                s.allowEmpty = b
            case "round_letterboxes":
                guard let n = v.int else { throw fail("target.round_letterboxes must be a whole number of letterboxes") }
                s.roundLetterboxes = n
            default:
                throw fail("unknown key target.\(key) (known: budget, index, municipalities, around, radius_km, "
                           + "near_volunteers_km, volunteer_km, category, prefer_under_reached, contiguity_bonus, allow_empty, "
                           + "round_letterboxes)")
            }
        }
        if let problem = s.problems(name: { "target.\($0)" }).first { throw fail(problem) }
        return s
    }

    static func report(_ t: TOMLTable, _ fail: (String) -> ConfigError) throws -> ReportSettings {
        var s = ReportSettings()
        for key in t.keys {
            let v = t[key]!
            switch key {
            case "lang":
                guard let l = v.string.flatMap(ReportLanguage.init(rawValue:)) else { throw fail("report.lang must be nl or en") }
                s.language = l
            case "quarters":
                if let word = v.string, word == "latest" || word == "all" {
                    s.quarters = word == "all" ? .all : .latest
                } else if let a = v.array {
                    s.quarters = .these(try (0..<a.count).map { i in
                        guard let q = a[i].string.flatMap(Quarter.init(label:)) else {
                            throw fail("report.quarters entries must look like 2023-Q4")
                        }
                        return q
                    })
                } else {
                    throw fail("report.quarters must be \"latest\", \"all\" or a list like [\"2023-Q4\"]")
                }
            case "low_helpers_per_request":
                guard let n = v.double ?? v.int.map(Double.init), n.isFinite, n >= 0 else {
                    throw fail("report.low_helpers_per_request must be a finite number ≥ 0")
                }
                s.lowHelpersPerRequest = n
            case "pdf":
                guard let b = v.bool else { throw fail("report.pdf must be true or false") }
                s.pdf = b
            default:
                throw fail("unknown key report.\(key) (known: lang, quarters, low_helpers_per_request, pdf)")
            }
        }
        return s
    }

    static func run(_ t: TOMLTable, folder: String, _ fail: (String) -> ConfigError) throws -> RunInputs {
        var s = RunInputs()
        func path(_ key: String, _ v: TOMLValueConvertible) throws -> String {
            guard let p = v.string, !p.isEmpty else { throw fail("run.\(key) must be a path") }
            return p.hasPrefix("/") ? p : (folder as NSString).appendingPathComponent(p)
        }
        for key in t.keys {
            let v = t[key]!
            switch key {
            case "name":
                guard let n = v.string, !n.isEmpty, !n.contains("/") else { throw fail("run.name must be a folder name") }
                s.name = n
            case "areas": s.areas = try path(key, v)
            case "delivery_areas": s.deliveryAreas = try path(key, v)
            case "stats":
                guard let a = v.array else { throw fail("run.stats must be a list of paths") }
                s.statistics = try (0..<a.count).map { try path(key, a[$0]) }
            case "requests": s.requests = try path(key, v)
            case "helpers": s.helpers = try path(key, v)
            case "out": s.out = try path(key, v)
            case "db": s.db = try path(key, v)
            case "boundaries_only":
                guard let b = v.bool else { throw fail("run.boundaries_only must be true or false") }
                s.boundariesOnly = b
            case "stats_header_row":
                guard let n = v.int, n >= 1 else { throw fail("run.stats_header_row must be a whole number ≥ 1") }
                s.statisticsHeaderRow = n
            default:
                throw fail("unknown key run.\(key) (known: name, areas, delivery_areas, stats, boundaries_only, stats_header_row, requests, helpers, out, db)")
            }
        }
        return s
    }
}



/// `[study]`: a study period (`hulpatlas study` flags; part of `run` when configured): every
/// figure of an impact study for the requests from `from` to `to`, protected with every other
/// published table.
public struct StudySettings: Sendable, Equatable {
    public var from: Day
    public var to: Day
    /// A location's name; nil: all locations.
    public var location: String?
    /// A subcategory is shown on its own only with at least this many help requests.
    public var minCases = 20

    public init(from: Day, to: Day, location: String? = nil, minCases: Int = 20) {
        self.from = from
        self.to = to
        self.location = location
        self.minCases = minCases
    }

    /// A date as the flags and the config give it (YYYY-MM-DD).
    public static func date(_ text: String) -> Day? { try? Day(parsing: text) }

    public var period: StudyPeriod {
        StudyPeriod(from: from, to: to, location: location ?? Vocabulary.reservedLocation, minCases: minCases)
    }

    /// The rules every source of settings must meet; messages name settings as `name` spells them.
    public func problems(name: (String) -> String) -> [String] {
        var out: [String] = []
        if to < from { out.append("\(name("to")) (\(to)) is before \(name("from")) (\(from))") }
        if minCases < 1 { out.append("\(name("min_cases")) must be a whole number ≥ 1") }
        if let location, location.trimmingCharacters(in: .whitespaces).isEmpty { out.append("\(name("location")) is empty") }
        return out
    }
}
