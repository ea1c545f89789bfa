import Atlas
import Foundation
import Geo
import Store

/// atlas.gpkg: the areas layer (EPSG:28992) with the summary columns and every indicator,
/// CBS codes written as NULL so that QGIS never colours a secret value as a number.
public enum AtlasGeoPackage {
    /// `areas` are the set's stored areas (`store.areas(level:year:)`), loaded once by the caller.
    public static func write(store: AtlasStore, set: AreaSetInfo, areas: [AreaRecord], to path: String) throws {
        let geometries = try store.areaGeometries(level: set.level, year: set.year)
        let indicators = try store.indicators(level: set.level, year: set.year).map(\.name)
        let scores = try store.indexScores(level: set.level, year: set.year)
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

        let writer = try GeoPackageWriter(path: path)
        let layer = try writer.addLayer(name: "areas", spatialReference: SpatialReference(epsg: SpatialReference.rdNewEPSG),
                                        geometryKind: .multiPolygon, fields: fields)
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
            let geometry = try geometries[area.code].map { try Geometry(wkb: [UInt8]($0)) }
            try layer.add(values, geometry: geometry)
        }
        try writer.commit()
    }
}
