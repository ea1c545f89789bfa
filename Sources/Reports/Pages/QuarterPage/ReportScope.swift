import Atlas
import Foundation

/// What every page of one location (or of all locations) shares, built once for all its
/// quarters: its volunteers (the catchment drawn on the maps), and the map's areas and shapes.
/// The counts come from the protected tables (`MatchTables`), not from here.
struct ReportScope: Sendable {
    let location: LocationScope
    let helpers: [Helper]
    /// The areas on the maps, their frame and their shapes simplified to the frame's resolution.
    let mapAreas: [AreaRecord]
    let mapFrame: SVGMap
    let mapRings: [[[(x: Double, y: Double)]]]

    init(_ location: LocationScope, data: ReportData) {
        self.location = location
        helpers = data.helpers.filter { location.includes($0.location) }
        let areas = ReportScope.mapAreas(location, requests: data.requests.filter { location.includes($0.location) },
                                         helpers: helpers, areas: data.areas)
        mapAreas = areas
        let rawRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: 0) }
        let frame = SVGMap(extentOf: rawRings.flatMap { $0 })
        mapFrame = frame
        mapRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: frame.tolerance) }
    }

    /// The municipalities where the location's requesters and volunteers live (for all
    /// locations, those of every location: the organisation's region, not the whole area set;
    /// all areas when that gives none).
    static func mapAreas(_ location: LocationScope, requests: [HelpRequest], helpers: [Helper], areas: [AreaRecord]) -> [AreaRecord] {
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) })
        var municipalities = Set<String>()
        for p in requests.compactMap(\.requesterPostcode) + helpers.compactMap(\.postcode) {
            if let a = byCode[p.code] ?? byCode[p.pc4], let m = a.municipality { municipalities.insert(m) }
        }
        let chosen = areas.filter { $0.municipality.map(municipalities.contains) ?? false }
        return chosen.isEmpty ? areas : chosen
    }
}
