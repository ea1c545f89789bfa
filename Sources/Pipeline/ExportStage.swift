import Atlas
import Config
import Foundation
import Geo
import Reports
import Store

/// What `export` writes.
public enum ExportFormat: String, CaseIterable, Sendable { case csv, xlsx, gpkg, postgis }

/// The shareable tables of a store (all with small counts protected), built once and written
/// as CSV files, as one workbook, or both from the same rows.
public enum ExportStage {
    public struct Tables: Sendable {
        /// In the order they are written and shown as sheets.
        public var tables: [PublishedTable]
        /// The match-history analysis (nil without requests).
        public var analysis: MatchHistoryReport.Written?
        public var files: [String] { tables.map(\.file) }
    }

    /// The tidy tables of the context's area set and history (the analysis from the context,
    /// computed once per run).
    public static func tables(_ context: RunContext, config: HulpatlasConfig) throws -> Tables {
        let (store, set, areas) = (context.store, context.set, context.areas)
        let suppression = Suppression(threshold: config.suppressionThreshold)
        let (scores, reach) = try context.storedIndex()
        var tables = [AreasTable.table(areas, indices: scores, reach: reach, suppression: suppression),
                      IndexSummaryTable.table(try store.indexMeasures(level: set.level, year: set.year)),
                      IndexComponentsTable.table(try store.indexComponents(level: set.level, year: set.year))]
        if let plan = try store.targetPlan(level: set.level, year: set.year) {
            tables.append(TargetsTable.table(plan.plan, areas: areas, scores: scores, reach: reach, suppression: suppression,
                                             language: config.report.language))
        }
        let analysis = try context.matchHistoryAnalysis(rule: config.outcome, suppression: suppression,
                                                       study: config.studyPeriod, campaign: config.campaign)
        tables += analysis?.tables ?? []
        tables += try context.forecastTables(config: config)
        tables.append(PublishedTable(file: "columns.csv", header: ColumnDictionary.header, rows: ColumnDictionary.rows))
        return Tables(tables: tables, analysis: analysis)
    }

    /// Writes `format` into `folder` (for postgis: a GDAL connection string "PG:…"); returns the
    /// names of the files (or database tables) written.
    public static func write(_ format: ExportFormat, context: RunContext, config: HulpatlasConfig, folder: String,
                             schema: String = "hulpatlas") throws -> [String] {
        if format == .postgis { return try writePostGIS(context, config: config, connection: folder, schema: schema) }
        try createOutputFolder(folder)
        switch format {
        case .postgis: return []
        case .csv:
            let built = try tables(context, config: config)
            for table in built.tables { try table.writeCSV(in: folder) }
            return built.files
        case .xlsx:
            try Workbook.write(try tables(context, config: config).tables,
                               to: (folder as NSString).appendingPathComponent("hulpatlas.xlsx"))
            return ["hulpatlas.xlsx"]
        case .gpkg:
            try writeAtlas(context, config: config, to: (folder as NSString).appendingPathComponent("atlas.gpkg"))
            return ["atlas.gpkg"]
        }
    }

    /// The atlas layers (areas with their indices, targets) and every protected table into
    /// `schema` of a PostGIS database, replaced at once; the QGIS styles in public.layer_styles.
    static func writePostGIS(_ context: RunContext, config: HulpatlasConfig, connection: String, schema: String) throws -> [String] {
        let built = try tables(context, config: config)
        let plan = try context.store.targetPlan(level: context.set.level, year: context.set.year)
        let writer = try PostGISWriter(connection: connection, schema: schema)
        try AtlasGeoPackage.add(try StoredInputs.atlas(context, plan: plan, language: config.report.language), areas: context.areas,
                                suppression: Suppression(threshold: config.suppressionThreshold), to: writer)
        // areas.csv and targets.csv are the atlas layers themselves (with geometry).
        let tables = built.tables.filter { $0.file != "areas.csv" && $0.file != "targets.csv" }
        for table in tables { try TableLayer.add(table, to: writer) }
        try writer.commit()
        return (["areas"] + (plan == nil ? [] : ["targets"]) + tables.map(\.sheetName)).map { "\(schema).\($0)" }
    }

    /// The styled atlas GeoPackage (areas, and targets when a plan is stored).
    static func writeAtlas(_ context: RunContext, config: HulpatlasConfig, to path: String) throws {
        let plan = try context.store.targetPlan(level: context.set.level, year: context.set.year)
        try AtlasGeoPackage.write(try StoredInputs.atlas(context, plan: plan, language: config.report.language), areas: context.areas,
                                  suppression: Suppression(threshold: config.suppressionThreshold), to: path)
    }
}
