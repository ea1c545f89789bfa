import Atlas
import Config
import Reports
import Store

/// `hulpatlas study`: the figures of a study period (study.html, the church pages and the study
/// tables), protected together with every match-history table of the same configuration, so
/// that the study and the quarterly outputs share one pattern of hidden cells.
public enum StudyStage {
    public struct Summary: CustomStringConvertible, Sendable {
        public var period: StudyPeriod
        public var files: [String]
        public var questions: String
        public var helpRequests: String
        public var description: String {
            let place = period.location == Vocabulary.reservedLocation ? "all locations" : period.location
            return "study \(period.from) – \(period.to) (\(place)): \(questions.isEmpty ? "hidden" : questions) questions, "
                + "\(helpRequests.isEmpty ? "hidden" : helpRequests) help requests; wrote \(files.joined(separator: ", "))"
        }
    }

    /// The study of the store at `db` for `config.study` into `folder`.
    public static func run(db: String, config: HulpatlasConfig, language: ReportLanguage, folder: String) throws -> Summary {
        guard let period = config.studyPeriod else {
            throw StageFailure(description: "no study period: give --from and --to, or a [study] section in the config")
        }
        let store = try AtlasStore(path: db, readOnly: true)
        let requests = try store.requests()
        guard !requests.isEmpty else {
            throw StageFailure(description: "the store holds no match history: a study needs requests (hulpatlas ingest requests FILE)")
        }
        let analysis = try StoredInputs.protectedAnalysis(store, requests: requests, config: config, study: period)
        try createOutputFolder(folder)
        return try write(analysis.written.tables, period: period, threshold: config.suppressionThreshold, language: language,
                         folder: folder)
    }

    /// Writes the study tables of `tables` (protected already) and their pages into `folder`.
    /// A period without a single request is an error, not an empty report.
    static func write(_ tables: [PublishedTable], period: StudyPeriod, threshold: Int, language: ReportLanguage,
                      folder: String) throws -> Summary {
        let study = tables.filter { StudyTables.files.contains($0.file) }
        guard let summary = study.first(where: { $0.file == "study_summary.csv" })?.rows.first
            .map(PublishedRow<StudyTables.SummaryColumn>.init), summary[.questions] != "0" else {
            let place = period.location == Vocabulary.reservedLocation ? "" : " in \(period.location)"
            throw StageFailure(description: "no requests from \(period.from) to \(period.to)\(place): check the study period "
                                      + "and the location's name")
        }
        for table in study { try table.writeCSV(in: folder) }
        let pages = try StudyPage.write(tables: study, folder: folder, language: language, threshold: threshold)
        return Summary(period: period, files: study.map(\.file) + pages, questions: summary[.questions],
                       helpRequests: summary[.help_requests])
    }
}
