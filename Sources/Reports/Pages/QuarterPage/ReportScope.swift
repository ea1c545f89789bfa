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
        // The location's region (for all locations, that of every location): not the whole area set.
        let areas = ServiceRegion.areas(requests: data.requests.filter { location.includes($0.location) },
                                        helpers: helpers, areas: data.areas)
        mapAreas = areas
        let rawRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: 0) }
        let frame = SVGMap(extentOf: rawRings.flatMap { $0 })
        mapFrame = frame
        mapRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: frame.tolerance) }
    }
}
