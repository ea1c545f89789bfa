import Atlas
import Config
import Foundation
import Ingest
import Reports
import Store

/// Records delivered flyer campaigns (from the stored plan, or from a CSV for campaigns planned
/// elsewhere) and evaluates them on the stored history (`CampaignEvaluation`).
public enum CampaignStage {
    public struct Added: Sendable, CustomStringConvertible {
        public var campaigns: [StoredCampaign]
        public var replaced: [String]
        public var rows: Int
        public var rejects: [Reject]
        public var description: String {
            var lines = campaigns.map { c in
                "campaign '\(c.name)': delivered \(c.delivered), \(c.flyers.count) areas, "
                    + "\(c.flyers.values.reduce(0, +)) flyers (\(c.level.rawValue) \(c.year))"
                    + (replaced.contains(c.name) ? ", replacing the stored one of that name" : "")
            }
            if rows > 0 {
                lines.append("\(rows) rows read: \(rows - rejects.filter(\.rowRejected).count) accepted, "
                             + "\(rejects.filter(\.rowRejected).count) rejected")
            }
            lines += rejects.prefix(20).map { "  \($0.file):\($0.line) \($0.field): \($0.reason)" }
            if rejects.count > 20 { lines.append("  … and \(rejects.count - 20) more") }
            return lines.joined(separator: "\n")
        }
    }

    /// The stored flyer plan of the context's area set as a campaign delivered on `delivered`.
    public static func fromPlan(_ context: RunContext, delivered: Day, name: String?) throws -> StoredCampaign {
        let set = context.set
        try requirePostcodeLevel(set.level)
        guard let plan = try context.store.targetPlan(level: set.level, year: set.year) else {
            throw StageFailure(description: "the store holds no flyer plan for \(set.label): run `hulpatlas target` first, "
                               + "or give the campaign's areas with --csv")
        }
        guard !plan.plan.targets.isEmpty else {
            throw StageFailure(description: "the stored flyer plan for \(set.label) chooses no area: there is no campaign to record")
        }
        return StoredCampaign(name: name ?? "plan \(delivered)", delivered: delivered, level: set.level, year: set.year,
                              goal: plan.goal, source: "plan",
                              flyers: Dictionary(plan.plan.targets.map { ($0.code, $0.flyers) }, uniquingKeysWith: +))
    }

    /// Column names a campaign CSV may use (normalised).
    static let columns: [String: [String]] = [
        "code": ["code", "postcode", "pc4", "pc6", "gebied", "area", "area_code"],
        "delivered": ["delivered", "bezorgd", "bezorgdatum", "datum", "date", "delivery_date"],
        "flyers": ["flyers", "folders", "aantal", "letterboxes", "brievenbussen"],
        "campaign": ["campaign", "campagne", "name", "naam"],
    ]

    /// The campaigns of a CSV (code, delivered, flyers, campaign; only code is required): rows
    /// grouped by campaign name (default: the file's name and the delivery date). A missing
    /// delivery date is `delivered`; missing flyers are the area's households (one per letterbox).
    /// Every row is accepted or reported with its line, field and reason.
    public static func read(csv path: String, context: RunContext, delivered: Day?, name: String?, goal: FlyerTargeting.Goal?)
        throws -> (campaigns: [StoredCampaign], rows: Int, rejects: [Reject]) {
        let set = context.set
        try requirePostcodeLevel(set.level)
        let file = (path as NSString).lastPathComponent
        let reader = try CSVRecordReader(path: path)
        let normalised = reader.header.map(Vocabulary.normalise)
        func column(_ key: String) -> Int? { normalised.firstIndex { columns[key]!.contains($0) } }
        guard let codeColumn = column("code") else {
            throw StageFailure(description: "\(file): no column with the areas' codes (expected one of "
                               + columns["code"]!.joined(separator: ", ") + "); nothing was stored")
        }
        let dateColumn = column("delivered"), flyerColumn = column("flyers"), nameColumn = column("campaign")
        guard dateColumn != nil || delivered != nil else {
            throw StageFailure(description: "\(file): no delivery date column (delivered, bezorgd, datum) and no --delivered; "
                               + "nothing was stored")
        }
        let households = Dictionary(context.areas.map { ($0.code, $0.households) }, uniquingKeysWith: { a, _ in a })
        var rejects: [Reject] = [], rows = 0
        var grouped: [String: (delivered: Day, flyers: [String: Int])] = [:], order: [String] = []
        while let record = try reader.next() {
            rows += 1
            func reject(_ field: String, _ value: String, _ reason: String) {
                rejects.append(Reject(file: file, line: record.line, field: field, value: String(value.prefix(30)), reason: reason))
            }
            if let problem = record.problem { reject("(row)", "", problem.description); continue }
            func field(_ i: Int?) -> String {
                guard let i, i < record.fields.count else { return "" }
                return record.fields[i].trimmingCharacters(in: .whitespaces)
            }
            let rawCode = field(codeColumn)
            guard let postcode = try? Postcode(parsing: rawCode) else {
                reject(reader.header[codeColumn], rawCode, "not a postcode (4 digits, or 4 digits and 2 letters)"); continue
            }
            let code = postcode.code(at: set.level)
            guard households.keys.contains(code) else {
                reject(reader.header[codeColumn], rawCode, "not an area of the stored \(set.label) set"); continue
            }
            var day = delivered
            if let dateColumn, !field(dateColumn).isEmpty {
                guard let d = try? Day(parsing: field(dateColumn)) else {
                    reject(reader.header[dateColumn], field(dateColumn), "not a date like 2023-03-06"); continue
                }
                day = d
            }
            guard let day else { reject(dateColumn.map { reader.header[$0] } ?? "delivered", "", "no delivery date"); continue }
            var flyers: Int
            if let flyerColumn, !field(flyerColumn).isEmpty {
                guard let n = Int(field(flyerColumn)), n >= 0 else {
                    reject(reader.header[flyerColumn], field(flyerColumn), "not a whole number of flyers ≥ 0"); continue
                }
                flyers = n
            } else {
                guard let h = households[code] ?? nil, h > 0 else {
                    reject(flyerColumn.map { reader.header[$0] } ?? "flyers", "",
                           "no flyers given and the area has no household count to take instead"); continue
                }
                flyers = Int(h.rounded())
            }
            let campaign = name ?? (field(nameColumn).isEmpty ? "\((file as NSString).deletingPathExtension) \(day)" : field(nameColumn))
            if let existing = grouped[campaign] {
                guard existing.delivered == day else {
                    reject(dateColumn.map { reader.header[$0] } ?? "delivered", day.description,
                           "campaign '\(campaign)' was delivered on \(existing.delivered) in an earlier row; "
                               + "give each delivery its own campaign name"); continue
                }
                guard existing.flyers[code] == nil else {
                    reject(reader.header[codeColumn], rawCode, "area \(code) is listed twice for campaign '\(campaign)'"); continue
                }
            } else {
                order.append(campaign)
                grouped[campaign] = (day, [:])
            }
            grouped[campaign]!.flyers[code] = flyers
        }
        let campaigns = order.map { n in
            StoredCampaign(name: n, delivered: grouped[n]!.delivered, level: set.level, year: set.year, goal: goal,
                           source: file, flyers: grouped[n]!.flyers)
        }
        return (campaigns, rows, rejects)
    }

    /// Stores `campaigns` (each replacing one of its name).
    public static func store(_ campaigns: [StoredCampaign], in store: AtlasStore, rows: Int = 0, rejects: [Reject] = [])
        throws -> Added {
        guard !campaigns.isEmpty else {
            throw StageFailure(description: "no campaign to record: every row was rejected"
                               + (rejects.first.map { " (first: line \($0.line), \($0.field): \($0.reason))" } ?? ""))
        }
        // All or none: one transaction for the file's campaigns.
        let replaced = zip(campaigns, try store.replaceCampaigns(campaigns)).filter(\.1).map(\.0.name)
        return Added(campaigns: campaigns, replaced: replaced, rows: rows, rejects: rejects)
    }

    static func requirePostcodeLevel(_ level: AreaLevel) throws {
        guard level.isPostcode else {
            throw StageFailure(description: "campaigns are recorded and evaluated on PC4 or PC6 areas (the level of the "
                               + "requesters' postcodes); this area set is \(level.rawValue)")
        }
    }

    /// Every stored campaign evaluated on `requests` with `settings`: the table set every
    /// command publishes includes them (nil settings or no campaigns: none).
    static func evaluations(_ store: AtlasStore, requests: [HelpRequest], settings: CampaignSettings?) throws
        -> [CampaignEvaluation.Result] {
        guard let settings, !requests.isEmpty else { return [] }
        let campaigns = try store.campaigns()
        guard !campaigns.isEmpty else { return [] }
        let months = requests.map(\.createdAt.monthIndex)
        let history = months.min()!...months.max()!
        let first = FirstRequests(requests)
        var out: [CampaignEvaluation.Result] = []
        for (_, group) in Dictionary(grouping: campaigns, by: { "\($0.level.rawValue)|\($0.year)" }).sorted(by: { $0.key < $1.key }) {
            let level = group[0].level, year = group[0].year
            let areas = try store.areas(level: level, year: year)
            let scores = try store.indexScores(level: level, year: year)
            var counts: [String: [Int: Int]] = [:], firstCounts: [String: [Int: Int]] = [:]
            for (i, r) in requests.enumerated() where r.kind == .hulpvraag {
                guard let p = r.requesterPostcode else { continue }
                let code = p.code(at: level)
                counts[code, default: [:]][r.createdAt.monthIndex, default: 0] += 1
                if first.isFirst(i) { firstCounts[code, default: [:]][r.createdAt.monthIndex, default: 0] += 1 }
            }
            for c in group {
                let goal = c.goal ?? .combined
                let evaluationAreas = areas.map { a in
                    let percentiles = goal.indices.compactMap { scores[a.code]?[$0.rawValue]?.percentile }
                    return CampaignEvaluation.Area(
                        code: a.code, households: a.households,
                        riskPercentile: percentiles.isEmpty ? nil : percentiles.reduce(0, +) / Double(percentiles.count),
                        requests: counts[a.code] ?? [:], firstTimeRequests: first.known ? (firstCounts[a.code] ?? [:]) : nil)
                }
                // Areas another campaign reached in this one's window are no controls.
                let window = (c.delivered.monthIndex - settings.evaluation.monthsBefore)...(c.delivered.monthIndex
                    + settings.evaluation.monthsAfter)
                let others = Set(group.filter { $0.name != c.name && window.contains($0.delivered.monthIndex) }
                    .flatMap { $0.flyers.keys })
                out.append(CampaignEvaluation.evaluate(c.campaign, areas: evaluationAreas, otherCampaignAreas: others,
                                                       history: history, settings: settings.evaluation))
            }
        }
        return out.sorted { ($0.campaign.delivered, $0.campaign.name) < ($1.campaign.delivered, $1.campaign.name) }
    }
}

/// Which help requests are a requester's first: the earliest (then first ingested) help request
/// of each requester pseudonym. Known only when every help request has a requester id.
struct FirstRequests {
    let known: Bool
    private let first: Set<Int>

    init(_ requests: [HelpRequest]) {
        let help = requests.indices.filter { requests[$0].kind == .hulpvraag }
        known = !help.isEmpty && help.allSatisfy { requests[$0].requesterID != nil }
        var earliest: [String: Int] = [:]
        if known {
            for i in help {
                let id = requests[i].requesterID!
                if let j = earliest[id], requests[j].createdAt <= requests[i].createdAt { continue }
                earliest[id] = i
            }
        }
        first = Set(earliest.values)
    }

    func isFirst(_ i: Int) -> Bool { first.contains(i) }
}

extension CampaignStage {
    public struct EffectSummary: Sendable, CustomStringConvertible {
        public var lines: [String]
        public var files: [String]
        public var description: String { (lines + ["wrote " + files.joined(separator: ", ")]).joined(separator: "\n") }
    }

    /// `campaign effect`: the stored campaigns evaluated on the store's history, their tables
    /// (protected with every other table of the configuration) and campaign.html into `folder`.
    public static func effect(db: String, config: HulpatlasConfig, language: ReportLanguage, folder: String) throws -> EffectSummary {
        let store = try AtlasStore(path: db, readOnly: true)
        guard !(try store.campaigns()).isEmpty else {
            throw StageFailure(description: "the store holds no campaign: record one with `hulpatlas campaign add --plan "
                               + "--delivered YYYY-MM-DD` or `--csv FILE`")
        }
        let requests = try store.requests()
        guard !requests.isEmpty else {
            throw StageFailure(description: "the store holds no match history: a campaign's effect needs requests "
                               + "(hulpatlas ingest requests FILE)")
        }
        let analysis = try StoredInputs.protectedAnalysis(store, requests: requests, config: config, study: config.studyPeriod)
        try createOutputFolder(folder)
        let files = try write(analysis.written.tables, threshold: config.suppressionThreshold, language: language, folder: folder)
        return EffectSummary(lines: summaryLines(analysis.written.tables), files: files)
    }

    /// Writes the campaign tables of `tables` (protected already) and campaign.html into `folder`.
    static func write(_ tables: [PublishedTable], threshold: Int, language: ReportLanguage, folder: String) throws -> [String] {
        let campaign = tables.filter { CampaignTables.files.contains($0.file) }
        for table in campaign { try table.writeCSV(in: folder) }
        return campaign.map(\.file) + (try CampaignPage.write(tables: campaign, folder: folder, language: language,
                                                              threshold: threshold))
    }

    /// One line per campaign and outcome, as the protected table shows it.
    public static func summaryLines(_ tables: [PublishedTable]) -> [String] {
        guard let effect = tables.first(where: { $0.file == "campaign_effect.csv" }) else { return [] }
        return effect.rows.map(PublishedRow<CampaignTables.EffectColumn>.init).map { e in
            let head = "campaign '\(e[.campaign])' (\(e[.delivered])), \(e[.outcome]): "
            guard e[.not_evaluated_because].isEmpty else { return head + "no estimate: " + e[.not_evaluated_because] }
            guard !e[.rate_ratio].isEmpty else { return head + "estimate hidden (a total below the threshold)" }
            return head + "rate ratio \(e[.rate_ratio]) (95% \(e[.rate_ratio_low])–\(e[.rate_ratio_high])), "
                + "\(e[.extra_per_1000_flyers]) extra per 1,000 flyers (\(e[.extra_per_1000_flyers_low])–\(e[.extra_per_1000_flyers_high])), "
                + "placebo p = \(e[.placebo_p]) (\(e[.placebo_runs]) runs); \(e[.targeted_areas]) targeted, \(e[.control_areas]) control areas"
        }
    }
}

extension CampaignStage {
    /// The campaigns recorded in the store at `db`.
    public static func list(db: String) throws -> [StoredCampaign] { try AtlasStore(path: db, readOnly: true).campaigns() }

    /// Removes the campaign `name` from the store at `db`; an unknown name is an error that lists the known ones.
    public static func remove(db: String, name: String) throws {
        let store = try AtlasStore(path: db)
        guard try store.removeCampaign(named: name) else {
            let known = try store.campaigns().map { "'\($0.name)'" }
            throw StageFailure(description: "no campaign '\(name)' is recorded"
                               + (known.isEmpty ? "" : "; recorded: " + known.joined(separator: ", ")))
        }
    }
}
