import Atlas
import Config
import Foundation
import Ingest
import Reports
import Store

/// Checks a folder before it is shared (`PrivacyAudit`), with the ids and free text of the
/// match history it was made from as secrets that must not appear.
public enum AuditStage {
    public struct Result: Sendable {
        public let folder: String
        public let files: Int
        public let findings: [String]
        public let threshold: Int
        /// How many ids and texts from the match history were looked for.
        public let secrets: Int
        /// With `intervals`: the interval audit of the published counts.
        public let intervals: Intervals?
    }

    /// The interval audit of a folder's published counts.
    public struct Intervals: Sendable {
        /// Hidden cells whose feasible interval is narrower than the protection width.
        public let findings: [String]
        public let hiddenCells: Int
        public let cells: Int
        public let blocks: Int
        /// Per file read: counts published and all counts.
        public let files: [Published]
        public let protectionWidth: Int
        public var publishedShare: Double { Published.share(shown: cells - hiddenCells, of: cells) }
    }

    /// The counts of one file, and how many of them are published.
    public struct Published: Sendable {
        public let file: String
        public let shown: Int
        public let cells: Int
        public var share: Double { Published.share(shown: shown, of: cells) }

        static func share(shown: Int, of cells: Int) -> Double { cells == 0 ? 1 : Double(shown) / Double(cells) }
    }

    /// `intervals`: also the interval audit (LP over every published count and the sums that tie them).
    public static func run(folder: String, threshold: Int?, requests: String?, helpers: String?, db: String?,
                           config: HulpatlasConfig, intervals: Bool = false) throws -> Result {
        var secrets = Set<String>()
        let threshold = threshold ?? config.suppressionThreshold
        if let requests {
            secrets.formUnion(try AuditSecrets.fromFile(requests, canonical: Vocabulary.requestColumns,
                                                        mapping: config.requests.columns, labelsFrom: threshold))
        }
        if let helpers {
            secrets.formUnion(try AuditSecrets.fromFile(helpers, canonical: Vocabulary.helperColumns,
                                                        mapping: config.helpers.columns, labelsFrom: threshold))
        }
        if let db { secrets.formUnion(try AuditSecrets.fromStore(db, labelsFrom: threshold)) }
        let audit = PrivacyAudit(threshold: threshold, secrets: secrets)
        let result = try audit.run(folder: folder)
        return Result(folder: folder, files: result.files, findings: result.findings.map(\.description),
                      threshold: audit.threshold, secrets: secrets.count,
                      intervals: intervals ? try intervalAudit(folder: folder, suppression: Suppression(threshold: audit.threshold)) : nil)
    }

    /// The LP audit of every hidden count, every statistic shown over a hidden count, and every
    /// report page's figures against the tables they come from.
    static func intervalAudit(folder: String, suppression: Suppression) throws -> Intervals {
        let published = try PublishedTablesModel.tables(in: folder)
        let model = PublishedTablesModel(published)
        let result = IntervalAudit.run(model.tables, suppression: suppression)
        let statistics = model.statistics.compactMap { s -> String? in
            let hidden = model.hiddenInputs(of: s)
            guard s.shown, !hidden.isEmpty else { return nil }
            let labels = hidden.prefix(3).map { model.tables.cells[$0].label }
            return "\(s.label): shown, though it is computed from hidden counts (\(labels.joined(separator: "; "))), which it gives away"
        }
        let pages = try PageFigureCheck.run(folder: folder, tables: published)
        let counts = model.counts()
        return Intervals(findings: result.findings.map(\.description) + statistics + pages,
                         hiddenCells: counts.published - counts.shown, cells: counts.published, blocks: result.blocks,
                         files: model.published().map { Published(file: $0.file, shown: $0.shown, cells: $0.cells) },
                         protectionWidth: suppression.protectionWidth)
    }
}

/// The ids and free text of a match-history or volunteer file: the values of its id and
/// subcategory columns and of columns named like names, remarks or contact details. A
/// subcategory that at least `labelsFrom` requests share (the suppression threshold) is a label
/// of the organisation's own list, not one person's text: the study report may name it
/// (docs/METHOD.md §12), and it is no secret.
public enum AuditSecrets {
    /// The subcategories shared by fewer than `threshold` requests (compared as the study names them).
    static func freeText(_ subcategories: [String], threshold: Int) -> Set<String> {
        var counts: [String: Int] = [:]
        for s in subcategories { counts[Vocabulary.normalise(s), default: 0] += 1 }
        return Set(subcategories.filter { counts[Vocabulary.normalise($0)]! < threshold })
    }

    public static func fromFile(_ path: String, canonical: [String: [String]], mapping: [String: String],
                                labelsFrom threshold: Int) throws -> Set<String> {
        let reader = try CSVRecordReader(path: path)
        let normalise = { (s: String) in s.lowercased().replacingOccurrences(of: " ", with: "_") }
        var wanted = Set<Int>(), subcategoryColumns = Set<Int>()
        for (i, header) in reader.header.enumerated() {
            let name = normalise(header)
            let mappedTo = mapping.first { normalise($0.value) == name }?.key
            let canonicalName = mappedTo ?? canonical.first { $0.key == name || $0.value.map(normalise).contains(name) }?.key
            if canonicalName == "subcategory" { subcategoryColumns.insert(i); continue }
            if let c = canonicalName, ["request_id", "helper_id"].contains(c) { wanted.insert(i) }
            if PrivacyAudit.identifyingColumns.contains(name), !["requester_postcode", "helper_postcode"].contains(name) {
                wanted.insert(i)
            }
        }
        var out = Set<String>()
        var subcategories: [String] = []
        while let record = try reader.next() {
            for i in wanted.union(subcategoryColumns) where i < record.fields.count {
                let v = record.fields[i].trimmingCharacters(in: .whitespaces)
                guard !v.isEmpty else { continue }
                if subcategoryColumns.contains(i) { subcategories.append(v) } else { out.insert(v) }
            }
        }
        return out.union(freeText(subcategories, threshold: threshold))
    }

    /// The pseudonymised ids and the subcategories a store holds.
    public static func fromStore(_ db: String, labelsFrom threshold: Int) throws -> Set<String> {
        let store = try AtlasStore(path: db, exclusive: false, readOnly: true)
        var out = Set<String>()
        let requests = try store.requests()
        for r in requests {
            out.insert(r.id)
            if let h = r.helperID { out.insert(h) }
        }
        for h in try store.helpers() { out.insert(h.id) }
        return out.union(freeText(requests.compactMap(\.subcategory), threshold: threshold))
    }
}
