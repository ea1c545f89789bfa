import Atlas
import Config
import Foundation
import Geo
import Reports
import Store

/// Plans the flyer campaign for an area set from the stored indices, reach and volunteers,
/// stores the plan and returns it.
public enum TargetStage {

    /// Plans from the context's areas, history and register; `date` is the day volunteers must
    /// be active on (default: the last request's).
    public static func run(_ context: RunContext, settings: TargetSettings, models standard: [IndexName: AtRiskModel],
                           date: Day? = nil) throws -> StoredTargetPlan {
        let (store, set, areas, requests, helpers) = (context.store, context.set, context.areas, context.requests, context.helpers)
        let (scores, reach) = try context.storedIndex()
        guard !scores.isEmpty else {
            throw StageFailure(description: "the store holds no risk indices for \(set.level.rawValue) \(set.year): run `hulpatlas index` first")
        }
        // A misspelt municipality would choose nothing and replace the stored plan: name the known ones.
        let known = Set(areas.compactMap(\.municipality))
        let knownLower = Set(known.map { $0.lowercased() })
        let unknown = settings.municipalities.filter { !knownLower.contains($0.lowercased()) }
        if !unknown.isEmpty {
            throw StageFailure(description: "no stored area lies in " + unknown.map { "'\($0)'" }.joined(separator: ", ")
                               + (known.isEmpty ? "; the areas have no municipality (add a statistics table with a gemeente column)"
                                  : "; known municipalities: " + known.sorted().joined(separator: ", "))
                               + "; the stored flyer plan is unchanged")
        }
        let locator = try context.locator()

        let day = date ?? requests.map(\.createdAt).max() ?? helpers.map(\.activeFrom).max()
        let active = helpers.filter { h in
            (day.map { h.isActive(from: $0, to: $0) } ?? false) && (settings.category.map { h.categories.contains($0) } ?? true)
        }
        var seen = Set<String>()
        let volunteerPoints: [(x: Double, y: Double)] = active.compactMap { locator.place($0.postcode) }
            .filter { seen.insert($0.area).inserted }.map { ($0.x, $0.y) }

        let planAreas = areas.map { a in
            FlyerTargeting.Area(code: a.code, municipality: a.municipality, households: a.households, x: a.pointX, y: a.pointY,
                                percentiles: IndexName.allCases.reduce(into: [:]) { out, name in
                                    out[name] = scores[a.code]?[name.rawValue]?.percentile
                                },
                                requests: reach[a.code]?.requests ?? 0,
                                underReached: (scores[a.code] ?? [:]).values.contains { $0.underReached == true })
        }
        var models: [IndexName: AtRiskModel.Fitted] = [:]
        for name in IndexName.allCases {
            let ranked = planAreas.compactMap { a in a.percentiles[name].map { ($0, a.households ?? 0) } }
            models[name] = (standard[name] ?? AtRiskModel.standard(for: name)).fit(ranked)
        }

        let (catchment, described) = try catchment(settings, locator: locator)
        var neighbours: [[Int]]?
        if settings.contiguityBonus != nil { neighbours = try context.neighbours().neighbours }
        let request = FlyerTargeting.Request(budget: settings.budget, goal: settings.goal, catchment: catchment,
                                             volunteerDistance: settings.volunteerKm * 1000,
                                             preferUnderReached: settings.preferUnderReached,
                                             contiguityBonus: settings.contiguityBonus)
        let plan = FlyerTargeting.plan(request, areas: planAreas, volunteers: volunteerPoints, neighbours: neighbours,
                                       models: models)
        if plan.targets.isEmpty, plan.eligible > 0, !settings.allowEmpty {
            throw StageFailure(description: "the flyer plan chooses nothing although \(plan.eligible) areas are eligible"
                               + (plan.nothingChosenBecause.map { " (\($0))" } ?? "")
                               + "; give a larger --budget, or pass --allow-empty to store an empty plan; the stored plan is unchanged")
        }
        let stored = StoredTargetPlan(goal: settings.goal, budget: settings.budget, catchment: described,
                                      volunteerDistance: request.volunteerDistance, category: settings.category,
                                      preferUnderReached: settings.preferUnderReached,
                                      contiguityBonus: settings.contiguityBonus, plan: plan)
        try store.replaceTargetPlan(stored, level: set.level, year: set.year)
        return stored
    }

    public static func catchment(_ s: TargetSettings, locator: Locator) throws
        -> (FlyerTargeting.Catchment, FlyerTargeting.CatchmentChoice) {
        // The rules the config and the flags were checked by (settings built in code too).
        if let problem = s.problems(name: { $0 }).first { throw StageFailure(description: problem) }
        if !s.municipalities.isEmpty {
            return (.municipalities(s.municipalities), .municipalities(s.municipalities))
        }
        if let around = s.around, let km = s.radiusKm {
            let point = try point(around, locator: locator)
            return (.circle(x: point.x, y: point.y, radius: km * 1000), .circle(km: km, around: around))
        }
        if let km = s.nearVolunteersKm {
            return (.nearVolunteers(radius: km * 1000), .nearVolunteers(km: km, category: s.category))
        }
        return (.everywhere, .everywhere)
    }

    /// A postcode (its area point) or "x,y" in EPSG:28992 metres.
    public static func point(_ text: String, locator: Locator) throws -> (x: Double, y: Double) {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        if parts.count == 2, let x = parts[0], let y = parts[1] {
            guard (-7000...300_000).contains(x), (289_000...629_000).contains(y) else {
                throw StageFailure(description: "'\(text)' is not a point in the Netherlands in EPSG:28992 (x 0–300000, y 289000–629000 m)")
            }
            return (x, y)
        }
        guard let postcode = try? Postcode(parsing: text) else {
            throw StageFailure(description: "'\(text)' is neither a postcode nor \"x,y\" in EPSG:28992 metres")
        }
        guard let place = locator.place(postcode) else {
            throw StageFailure(description: "postcode \(postcode.code) is not among the stored areas")
        }
        return (place.x, place.y)
    }
}

extension TargetStage {
    /// targets.csv and targets.gpkg (the areas and targets layers, styled for QGIS) in `folder`.
    public static func writeOutputs(_ stored: StoredTargetPlan, context: RunContext, config: HulpatlasConfig,
                                    folder: String) throws {
        let suppression = Suppression(threshold: config.suppressionThreshold)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        try createOutputFolder(folder)
        let (scores, reach) = try context.storedIndex()
        try TargetsTable.table(stored.plan, areas: context.areas, scores: scores, reach: reach, suppression: suppression,
                                language: config.report.language)
            .writeCSV(in: folder)
        try AtlasGeoPackage.write(try StoredInputs.atlas(context, plan: stored, language: config.report.language), areas: context.areas, suppression: suppression,
                                  to: path("targets.gpkg"))
    }

    public static func summary(_ stored: StoredTargetPlan) -> String {
        let p = stored.plan
        var lines = ["flyer targets (\(stored.goal.rawValue), budget \(p.budget), \(stored.catchment)):"]
        if let because = p.nothingChosenBecause {
            lines.append("  nothing chosen: \(because)")
        } else {
            lines.append("  \(p.targets.count) areas, \(p.flyers) flyers; expected households at risk reached "
                         + "\(Format.fixed(p.expectedAtRisk.central, decimals: 0)) "
                         + "(\(Format.fixed(p.expectedAtRisk.low, decimals: 0))–\(Format.fixed(p.expectedAtRisk.high, decimals: 0))); "
                         + "highest risk first would reach \(Format.fixed(p.naiveExpectedAtRisk.central, decimals: 0)) "
                         + "with \(p.naiveFlyers) flyers")
        }
        lines.append("  \(p.eligible) eligible areas; left out: "
                     + FlyerTargeting.Exclusion.allCases.map { "\(p.excluded[$0]?.count ?? 0) \($0.rawValue.replacingOccurrences(of: "_", with: " "))" }
                        .joined(separator: ", "))
        if !p.highRiskWithoutVolunteers.isEmpty {
            lines.append("  \(p.highRiskWithoutVolunteers.count) high-risk areas have no active volunteer within "
                         + "\(Format.fixed(stored.volunteerDistance / 1000, decimals: 1)) km: recruit there before sending flyers")
        }
        return lines.joined(separator: "\n")
    }
}
