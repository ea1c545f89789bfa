import Atlas
import Foundation
import Geo

/// atlas.gpkg: the areas layer (EPSG:28992) with the summary columns and every indicator,
/// CBS codes written as NULL so that QGIS never colours a secret value as a number.
public enum AtlasGeoPackage {
    /// What the atlas shows of an area set, loaded by the caller (Reports reads no store).
    public struct Model: Sendable {
        /// ISO WKB per area code, EPSG:28992.
        public var geometries: [String: [UInt8]]
        /// The indicator columns of the set, in stored order.
        public var indicators: [String]
        public var scores: [String: [String: StoredIndexScore]]
        public var reach: [String: Reach.AreaReach]
        public var plan: StoredTargetPlan?
        /// The language of the targets layer's `why`.
        public var language: ReportLanguage

        public init(geometries: [String: [UInt8]], indicators: [String], scores: [String: [String: StoredIndexScore]],
                    reach: [String: Reach.AreaReach], plan: StoredTargetPlan?, language: ReportLanguage = .nl) {
            self.geometries = geometries
            self.indicators = indicators
            self.scores = scores
            self.reach = reach
            self.plan = plan
            self.language = language
        }
    }

    /// The areas layer, and the flyer plan's targets layer when there is a plan, as a GeoPackage
    /// at `path`. `suppression` hides small request counts in the targets layer (nil: the
    /// default threshold of 5).
    public static func write(_ model: Model, areas: [AreaRecord], suppression: Suppression?, to path: String) throws {
        let writer = try VectorFileWriter(path: path)
        try add(model, areas: areas, suppression: suppression, to: writer)
        try writer.commit()
    }

    /// Adds the areas and targets layers and their QGIS styles to `writer` (not committed).
    public static func add(_ model: Model, areas: [AreaRecord], suppression: Suppression?, to writer: VectorSink) throws {
        let (geometries, indicators, scores, plan) = (model.geometries, model.indicators, model.scores, model.plan)
        let indexColumns = AreasTable.indexNames.flatMap { ["\($0)_percentile", "\($0)_decile", "\($0)_cluster"] }
        let fixed = ["area_code", "level", "year", "municipality", "area_km2", "population", "households"] + indexColumns
        let reserved = Set(fixed.map { $0.lowercased() } + ["fid", "geom"])
        let indicatorColumns = indicators.filter { !reserved.contains($0.lowercased()) }
        let fields = [FieldDefinition(name: "area_code", kind: .text), FieldDefinition(name: "level", kind: .text),
                      FieldDefinition(name: "year", kind: .integer), FieldDefinition(name: "municipality", kind: .text),
                      FieldDefinition(name: "area_km2", kind: .real), FieldDefinition(name: "population", kind: .real),
                      FieldDefinition(name: "households", kind: .real)]
            + AreasTable.indexNames.flatMap { [FieldDefinition(name: "\($0)_percentile", kind: .real),
                                                FieldDefinition(name: "\($0)_decile", kind: .integer),
                                                FieldDefinition(name: "\($0)_cluster", kind: .text)] }
            + indicatorColumns.map { FieldDefinition(name: $0, kind: .real) }

        let rd = try SpatialReference(epsg: SpatialReference.rdNewEPSG)
        let layer = try writer.addLayer(name: "areas", spatialReference: rd,
                                        geometryKind: .multiPolygon, fields: fields, fidColumn: nil)
        for area in areas {
            var values: [FieldValue] = [
                .text(area.code), .text(area.level.rawValue), .integer(Int64(area.year)),
                area.municipality.map(FieldValue.text) ?? .null, area.areaM2.map { FieldValue.real($0 / 1_000_000) } ?? .null,
                area.population.map(FieldValue.real) ?? .null, area.households.map(FieldValue.real) ?? .null,
            ]
            for name in AreasTable.indexNames {
                let s = scores[area.code]?[name]
                values += [s?.percentile.map(FieldValue.real) ?? .null, s?.decile.map { .integer(Int64($0)) } ?? .null,
                           s?.cluster.map(FieldValue.text) ?? .null]
            }
            values += indicatorColumns.map { area.values[$0]?.number.map(FieldValue.real) ?? .null }
            let geometry = try geometries[area.code].map { try Geometry(wkb: $0) }
            try layer.add(values, geometry: geometry)
        }
        var styles = [QGISStyle.choropleth(table: "areas", column: "debt_percentile", title: "debt risk"),
                      QGISStyle.choropleth(table: "areas", column: "loneliness_percentile", title: "loneliness risk")]
        if let plan {
            let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) })
            let rows = TargetsTable.rows(plan.plan, areas: byCode, scores: scores,
                                         reach: model.reach,
                                         suppression: suppression ?? Suppression(), language: model.language)
            let kinds: [String: FieldKind] = ["rank": .integer, "households": .real, "flyers": .integer,
                                              "cumulative_flyers": .integer, "debt_percentile": .real,
                                              "loneliness_percentile": .real, "requests_per_1000_households": .real,
                                              "requests_suppressed": .integer, "under_reached": .integer,
                                              "expected_at_risk": .real, "expected_at_risk_low": .real,
                                              "expected_at_risk_high": .real, "target_score": .real, "nearest_volunteer_m": .real]
            let fields = TargetsTable.header.map { FieldDefinition(name: $0, kind: kinds[$0] ?? .text) }
            let targets = try writer.addLayer(name: "targets", spatialReference: rd, geometryKind: .multiPolygon, fields: fields,
                                             fidColumn: nil)
            for (row, target) in zip(rows, plan.plan.targets) {
                let values: [FieldValue] = zip(fields, row).map { field, cell in
                    if cell.isEmpty { return .null }
                    switch field.kind {
                    case .integer: return Int64(cell).map(FieldValue.integer) ?? .null
                    case .real: return Double(cell).map(FieldValue.real) ?? .null
                    default: return .text(cell)
                    }
                }
                try targets.add(values, geometry: try geometries[target.code].map { try Geometry(wkb: [UInt8]($0)) })
            }
            styles.append(QGISStyle.outline(table: "targets", title: "flyer targets"))
        }
        try writer.addStyles(styles)
    }
}
