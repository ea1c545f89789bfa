import Atlas
import Config
import Foundation
import Reports
import Store

/// What `export` writes.
public enum ExportFormat: String, CaseIterable, Sendable { case csv, xlsx, gpkg }

/// Writes the shareable tables of a store (all with small counts suppressed).
public enum ExportStage {
    /// The tidy tables as CSV files in `folder`; returns their names in the order written and
    /// the match-history analysis (nil without requests).
    public static func tables(_ context: RunContext, config: HulpatlasConfig, folder: String) throws
        -> (files: [String], analysis: MatchHistoryReport.Written?) {
        let (store, set, areas, requests) = (context.store, context.set, context.areas, context.requests)
        func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
        let suppression = Suppression(threshold: config.suppressionThreshold)
        let scores = try store.indexScores(level: set.level, year: set.year)
        let reach = try store.reach(level: set.level, year: set.year)
        var files = ["areas.csv", "index_summary.csv", "index_components.csv"]
        try AreasTable.write(areas, indices: scores, reach: reach, suppression: suppression, to: path("areas.csv"))
        try IndexSummaryTable.write(try store.indexMeasures(level: set.level, year: set.year), to: path("index_summary.csv"))
        try IndexComponentsTable.write(try store.indexComponents(level: set.level, year: set.year),
                                       to: path("index_components.csv"))
        if let plan = try store.targetPlan(level: set.level, year: set.year) {
            try TargetsTable.write(plan.plan, areas: areas, scores: scores, reach: reach, suppression: suppression,
                                   to: path("targets.csv"))
            files.append("targets.csv")
        }
        var analysis: MatchHistoryReport.Written?
        if !requests.isEmpty {
            analysis = try MatchHistoryReport.write(requests: requests, helpers: context.helpers, locator: try context.locator(),
                                                    folder: folder, rule: config.outcome,
                                                    suppression: suppression)
            files += analysis!.files
        }
        try CSVFile.write(header: ColumnDictionary.header, rows: ColumnDictionary.rows, to: path("columns.csv"))
        files.append("columns.csv")
        return (files, analysis)
    }

    public static func write(_ format: ExportFormat, context: RunContext, config: HulpatlasConfig, folder: String) throws -> [String] {
        switch format {
        case .csv:
            return try tables(context, config: config, folder: folder).files
        case .xlsx:
            let scratch = (folder as NSString).appendingPathComponent(".export-\(getpid())")
            try createOutputFolder(scratch)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let files = try tables(context, config: config, folder: scratch).files
            try Workbook.write(sheets: files.map { (($0 as NSString).deletingPathExtension, (scratch as NSString).appendingPathComponent($0)) },
                               to: (folder as NSString).appendingPathComponent("hulpatlas.xlsx"))
            return ["hulpatlas.xlsx"]
        case .gpkg:
            let plan = try context.store.targetPlan(level: context.set.level, year: context.set.year)
            try AtlasGeoPackage.write(try StoredInputs.atlas(context, plan: plan), areas: context.areas,
                                      suppression: Suppression(threshold: config.suppressionThreshold),
                                      to: (folder as NSString).appendingPathComponent("atlas.gpkg"))
            return ["atlas.gpkg"]
        }
    }
}
