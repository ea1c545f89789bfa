import Atlas
import Foundation
import TOMLKit

/// Reading a config file: TOML through TOMLKit, with the file and line of every mistake.
extension HulpatlasConfig {
    public static func load(path: String) throws -> HulpatlasConfig {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigError(file: path, message: "cannot read: \(error.localizedDescription)")
        }
        if let problem = tableHeaderProblem(text) { throw ConfigError(file: path, message: problem) }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ConfigError(file: path, message: "line \(error.source.begin.line): \(error.description)")
        }
        return try parse(table, file: path)
    }

    /// A table header that is not `[name]` (`[#privacy]`, a lone `[`, `[ﻷ]`): toml++ (inside
    /// TOMLKit) stops the process with an assertion on those instead of reporting an error
    /// (found by `make fuzz`), so they are caught here first. Lines inside arrays and multi-line
    /// strings are skipped: a header only starts a statement.
    static func tableHeaderProblem(_ text: String) -> String? {
        // TOML line breaks are LF or CRLF; toml++ asserts on some lone CRs (fourth fuzz finding).
        let scalars = Array(text.unicodeScalars)
        if let k = scalars.indices.first(where: { scalars[$0] == "\r" && ($0 + 1 == scalars.count || scalars[$0 + 1] != "\n") }) {
            let line = scalars[..<k].filter { $0 == "\n" }.count + 1
            return "line \(line): a carriage return without a line feed; save the file with LF or CRLF line endings"
        }
        var depth = 0  // open [ of array values, outside strings
        var multiline: String?  // the open \"\"\" or \'\'\'
        // Unicode scalars, not Characters: "\r\n" and "[" + a combining mark are single Characters.
        for (n, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(raw)
            var i = 0
            while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{FEFF}" || chars[i] == "\r" { i += 1 }
            if multiline == nil, depth == 0, i < chars.count, chars[i] == "[" {
                if !isValidTableHeader(chars[i...]) {
                    return "line \(n + 1): not a table header hulpatlas can read; write it as [name] or [name.sub] "
                        + "(letters, digits, _ and -); to leave a section out, put # before the [ (#[privacy])"
                }
                continue
            }
            // Brackets of values, outside strings and comments.
            var quote: Unicode.Scalar?
            while i < chars.count {
                let c = chars[i]
                if let m = multiline {
                    if String(String.UnicodeScalarView(chars[i..<min(i + 3, chars.count)])) == m { multiline = nil; i += 3; continue }
                } else if let q = quote {
                    if c == "\\", q == "\"" { i += 2; continue }
                    if c == q { quote = nil }
                } else if c == "#" {
                    break
                } else if c == "\"" || c == "'" {
                    let three = String(String.UnicodeScalarView(chars[i..<min(i + 3, chars.count)]))
                    if three == "\"\"\"" || three == "\'\'\'" { multiline = three; i += 3; continue }
                    quote = c
                } else if c == "[" {
                    depth += 1
                } else if c == "]" {
                    depth = max(0, depth - 1)
                }
                i += 1
            }
        }
        return nil
    }

    /// `[key]` or `[[key]]` with dotted bare (ASCII letters, digits, _ -) or quoted keys,
    /// optionally followed by a comment: the TOML 1.0 grammar of a table header.
    static func isValidTableHeader(_ line: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = line.startIndex
        func at(_ c: Unicode.Scalar) -> Bool { i < line.endIndex && line[i] == c }
        func bare(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-"
        }
        func skipSpace() {
            while i < line.endIndex, line[i] == " " || line[i] == "\t" || (line[i] == "\r" && i + 1 == line.endIndex) { i += 1 }
        }
        guard at("[") else { return false }
        i += 1
        let array = at("[")
        if array { i += 1 }
        while true {
            skipSpace()
            guard i < line.endIndex else { return false }
            let c = line[i]
            if c == "\"" || c == "'" {
                i += 1
                while i < line.endIndex, line[i] != c {
                    if c == "\"", line[i] == "\\" { i += 1 }
                    i += 1
                }
                guard i < line.endIndex else { return false }
                i += 1
            } else {
                let start = i
                while i < line.endIndex, bare(line[i]) { i += 1 }
                guard i > start else { return false }
            }
            skipSpace()
            if at(".") { i += 1; continue }
            break
        }
        guard at("]") else { return false }
        i += 1
        if array {
            guard at("]") else { return false }
            i += 1
        }
        skipSpace()
        return i == line.endIndex || at("#")
    }

    static func parse(_ table: TOMLTable, file: String) throws -> HulpatlasConfig {
        func fail(_ message: String) -> ConfigError { ConfigError(file: file, message: message) }
        var config = HulpatlasConfig()
        for key in table.keys {
            guard let sub = table[key]?.table else { throw fail("'\(key)' must be a table ([\(key)])") }
            switch key {
            case "requests":
                config.requests = try mapping(sub, section: key, canonical: Vocabulary.requestColumns, fail)
            case "helpers":
                config.helpers = try mapping(sub, section: key, canonical: Vocabulary.helperColumns, fail)
            case "outcome":
                config.outcome = try outcome(sub, fail)
            case "index":
                for k in sub.keys {
                    switch (k, IndexName(rawValue: k)) {
                    case ("min_population", _), ("shrinkage", _):
                        guard let v = sub[k]?.double ?? sub[k]?.int.map(Double.init), v.isFinite, v >= 0 else {
                            throw fail("index.\(k) must be a finite number ≥ 0")
                        }
                        if k == "min_population" { config.indexSettings.minimumPopulation = v } else { config.indexSettings.shrinkage = v }
                    case let (_, index?):
                        guard let t = sub[k]?.table else { throw fail("[index.\(k)] must be a table") }
                        for key in t.keys where key != "weights" && key != "variant" {
                            throw fail("unknown key index.\(k).\(key) (known: variant, weights)")
                        }
                        if let v = t["variant"] {
                            guard let text = v.string else { throw fail("index.\(k).variant must be text") }
                            config.indexVariants[index] = text
                        }
                        guard let w = t["weights"]?.table else { continue }
                        var weights: [String: Double] = [:]
                        for name in w.keys {
                            guard let v = w[name]?.double ?? w[name]?.int.map(Double.init), v.isFinite, v >= 0 else {
                                throw fail("index.\(k).weights.\(name) must be a finite number ≥ 0")
                            }
                            weights[name] = v
                        }
                        config.indexWeights[index] = weights
                    default:
                        throw fail("unknown key index.\(k) (known: min_population, shrinkage, debt, loneliness)")
                    }
                }
                _ = try config.indexDefinitions()
            case "privacy":
                for k in sub.keys where k != "suppression_threshold" { throw fail("unknown key privacy.\(k)") }
                if let t = sub["suppression_threshold"] {
                    guard let n = t.int, n >= 1 else { throw fail("privacy.suppression_threshold must be a whole number ≥ 1") }
                    config.suppressionThreshold = n
                }
            case "target":
                config.target = try target(sub, fail)
            case "report":
                config.report = try report(sub, fail)
            case "run":
                config.run = try run(sub, folder: (file as NSString).deletingLastPathComponent, fail)
            case "study":
                config.study = try study(sub, fail)
            case "forecast":
                for k in sub.keys where k != "requests_per_volunteer" {
                    throw fail("unknown key forecast.\(k) (known: requests_per_volunteer)")
                }
                if let v = sub["requests_per_volunteer"] {
                    guard let n = v.double ?? v.int.map(Double.init), n > 0, n.isFinite else {
                        throw fail("forecast.requests_per_volunteer must be a number > 0 (help requests one volunteer takes a year)")
                    }
                    config.forecast.requestsPerVolunteer = n
                }
            case "campaign":
                config.campaign = try campaign(sub, folder: (file as NSString).deletingLastPathComponent, fail)
            default:
                throw fail("unknown section [\(key)] (known: run, requests, helpers, outcome, index, privacy, target, report, "
                           + "study, campaign, forecast)")
            }
        }
        return config
    }

    private static func mapping(_ t: TOMLTable, section: String, canonical: [String: [String]],
                                _ fail: (String) -> ConfigError) throws -> InputMapping {
        var m = InputMapping()
        for key in t.keys {
            switch key {
            case "columns":
                guard let cols = t[key]?.table else { throw fail("\(section).columns must be a table") }
                for c in cols.keys {
                    guard canonical[c] != nil else {
                        throw fail("unknown column \(section).columns.\(c) (known: \(canonical.keys.sorted().joined(separator: ", ")))")
                    }
                    guard let header = cols[c]?.string else { throw fail("\(section).columns.\(c) must be a string") }
                    m.columns[c] = header
                }
            case "values":
                guard let fields = t[key]?.table else { throw fail("\(section).values must be a table") }
                for field in fields.keys {
                    guard let known = Vocabulary.values[field == "categories" ? "category" : field] else {
                        throw fail("\(section).values.\(field): no word list for that field "
                                   + "(known: \(Vocabulary.values.keys.sorted().joined(separator: ", ")))")
                    }
                    guard let words = fields[field]?.table else { throw fail("\(section).values.\(field) must be a table") }
                    let canonicalValues = Set(known.values)
                    for word in words.keys {
                        guard let target = words[word]?.string, canonicalValues.contains(target) else {
                            throw fail("\(section).values.\(field).\"\(word)\" must be one of "
                                       + canonicalValues.sorted().joined(separator: ", "))
                        }
                        m.values[field, default: [:]][Vocabulary.normalise(word)] = target
                    }
                }
            default:
                throw fail("unknown key \(section).\(key) (known: columns, values)")
            }
        }
        return m
    }

    /// `[study]`: from and to (TOML dates or "YYYY-MM-DD" text), location, min_cases.
    private static func study(_ t: TOMLTable, _ fail: (String) -> ConfigError) throws -> StudySettings {
        for k in t.keys where !["from", "to", "location", "min_cases"].contains(k) {
            throw fail("unknown key study.\(k) (known: from, to, location, min_cases)")
        }
        func day(_ key: String) throws -> Day {
            guard let v = t[key] else { throw fail("[study] needs \(key) (a date like 2021-02-15)") }
            if let d = v.date, let day = Day(year: d.year, month: d.month, day: d.day) { return day }
            guard let text = v.string, let day = try? Day(parsing: text) else {
                throw fail("study.\(key) must be a date like 2021-02-15")
            }
            return day
        }
        var settings = StudySettings(from: try day("from"), to: try day("to"))
        if let v = t["location"] {
            guard let text = v.string else { throw fail("study.location must be text (a location's name)") }
            settings.location = text
        }
        if let v = t["min_cases"] {
            guard let n = v.int else { throw fail("study.min_cases must be a whole number ≥ 1") }
            settings.minCases = n
        }
        let problems = settings.problems { "study.\($0)" }
        if let first = problems.first { throw fail(first) }
        return settings
    }

    /// `[campaign]`: file (relative to the config), months_before, months_after, controls_per_area, placebo_runs.
    private static func campaign(_ t: TOMLTable, folder: String, _ fail: (String) -> ConfigError) throws -> CampaignSettings {
        var settings = CampaignSettings()
        for key in t.keys {
            if key == "file" {
                guard let text = t[key]?.string, !text.isEmpty else { throw fail("campaign.file must be a file name") }
                settings.file = text.hasPrefix("/") ? text : (folder as NSString).appendingPathComponent(text)
            } else if let number = CampaignSettings.numbers.first(where: { $0.key == key }) {
                guard let n = t[key]?.int else { throw fail("campaign.\(key) must be a whole number") }
                settings.evaluation[keyPath: number.path] = n
            } else {
                throw fail("unknown key campaign.\(key) (known: file, "
                           + CampaignSettings.numbers.map(\.key).joined(separator: ", ") + ")")
            }
        }
        if let first = settings.problems(name: { "campaign.\($0)" }).first { throw fail(first) }
        return settings
    }

    private static func outcome(_ t: TOMLTable, _ fail: (String) -> ConfigError) throws -> OutcomeRule {
        func statuses(_ key: String) throws -> Set<RequestStatus>? {
            guard let value = t[key] else { return nil }
            guard let array = value.array else { throw fail("outcome.\(key) must be a list of statuses") }
            return try Set((0..<array.count).map { i in
                guard let s = array[i].string, let status = RequestStatus(rawValue: s) else {
                    throw fail("outcome.\(key): unknown status (known: "
                               + RequestStatus.allCases.map(\.rawValue).joined(separator: ", ") + ")")
                }
                return status
            })
        }
        for k in t.keys where k != "matched" && k != "not_matched" { throw fail("unknown key outcome.\(k)") }
        let rule = OutcomeRule(matched: try statuses("matched") ?? OutcomeRule.standard.matched,
                               notMatched: try statuses("not_matched") ?? OutcomeRule.standard.notMatched)
        guard rule.matched.isDisjoint(with: rule.notMatched) else {
            throw fail("outcome: a status cannot be both matched and not_matched")
        }
        return rule
    }
}
