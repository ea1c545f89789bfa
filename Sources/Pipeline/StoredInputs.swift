import Atlas
import Reports
import Store

/// What the sinks in Reports need from the store, loaded here (Reports reads no store).
public enum StoredInputs {
    /// The area points of the stored PC6 and PC4 sets, to place postcodes.
    public static func locator(_ store: AtlasStore) throws -> Locator {
        Locator(pc6Points: try store.areaPoints(level: .pc6), pc4Points: try store.areaPoints(level: .pc4))
    }

    /// The atlas GeoPackage's model of an area set, with `plan` (the stored one when nil is not meant:
    /// pass `try store.targetPlan(…)`).
    public static func atlas(_ store: AtlasStore, set: AreaSetInfo, plan: StoredTargetPlan?) throws -> AtlasGeoPackage.Model {
        AtlasGeoPackage.Model(
            geometries: try store.areaGeometries(level: set.level, year: set.year).mapValues { [UInt8]($0) },
            indicators: try store.indicators(level: set.level, year: set.year).map(\.name),
            scores: try store.indexScores(level: set.level, year: set.year),
            reach: try store.reach(level: set.level, year: set.year), plan: plan)
    }
}
