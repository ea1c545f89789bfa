import Atlas
import Config
import Foundation
import Reports
import Store

/// The protected match-history tables kept in the store (issue #19): computed once for a store
/// state and configuration, then read by every later command with the same ones. The key
/// names everything the analysis reads besides the store (the rule, the threshold, the study
/// period, the campaign settings) and the program itself; the store's generation
/// (`AtlasStore.generation`) stands for everything in it (history, register, the area points
/// that place postcodes, the campaigns), and `indexState` for the index percentiles campaign
/// matching reads (`AtlasStore.campaignIndexState`).
enum StoredAnalysis {
    /// The kept analysis under `key`, or nil.
    static func kept(_ store: AtlasStore, key: String) throws -> MatchHistoryReport.Written? {
        guard let data = try store.cachedAnalysis(key: key) else { return nil }
        return try? decode(data)  // an unreadable entry is computed again
    }

    /// Bumped when the payload's layout changes.
    static let format = "analysis-1"

    /// The key of the analysis of `store` at `generation` (the store's own index state read here).
    static func key(_ store: AtlasStore, generation: Int64, rule: OutcomeRule, suppression: Suppression, study: StudyPeriod?,
                    campaign: CampaignSettings?) throws -> String {
        key(generation: generation, indexState: try store.campaignIndexState(), rule: rule, suppression: suppression,
            study: study, campaign: campaign)
    }

    static func key(generation: Int64, indexState: String = "none", rule: OutcomeRule, suppression: Suppression,
                    study: StudyPeriod?, campaign: CampaignSettings?, program: String = programIdentity) -> String {
        let study = study.map { "\($0.from)..\($0.to) \($0.location) \($0.minCases)" } ?? "none"
        let campaign = campaign.map { c in
            let e = c.evaluation
            return "\(e.monthsBefore) \(e.monthsAfter) \(e.controlsPerArea) \(e.placeboRuns) \(e.seed)"
        } ?? "none"
        return [format, "generation=\(generation)", "indices=\(indexState)",
                "matched=\(rule.matched.map(\.rawValue).sorted().joined(separator: ","))",
                "not_matched=\(rule.notMatched.map(\.rawValue).sorted().joined(separator: ","))",
                "threshold=\(suppression.threshold)", "study=\(study)", "campaign=\(campaign)", "program=\(program)"]
            .joined(separator: "|")
    }

    /// The running program's file, by size and time of change: another build is another key,
    /// so that a changed method never serves tables an older one made.
    static let programIdentity: String = {
        guard let path = Bundle.main.executablePath,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "unknown \(UUID())" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let changed = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
        return "\(BuildInfo.version) \(size) \(changed)"
    }()

    static func encode(_ written: MatchHistoryReport.Written) throws -> Data {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(written)
    }

    static func decode(_ data: Data) throws -> MatchHistoryReport.Written {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(MatchHistoryReport.Written.self, from: data)
    }
}
