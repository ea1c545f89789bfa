import Atlas
import Foundation

/// One location's (or all locations') share of the match history and what every page of it
/// shares, built once per location for all its quarters: the requests and volunteers (their
/// location renamed to one label), and the map's areas and shapes.
struct ReportScope: Sendable {
    static let label = "\u{1}scope"

    let location: LocationScope
    let requests: [HelpRequest]
    let helpers: [Helper]
    /// The areas on the maps, their frame and their shapes simplified to the frame's resolution.
    let mapAreas: [AreaRecord]
    let mapFrame: SVGMap
    let mapRings: [[[(x: Double, y: Double)]]]

    init(_ location: LocationScope, data: ReportData) {
        self.location = location
        requests = data.requests.filter { location.includes($0.location) }.map {
            var r = $0
            r.location = ReportScope.label
            return r
        }
        helpers = data.helpers.filter { location.includes($0.location) }.map {
            var h = $0
            h.location = ReportScope.label
            return h
        }
        let areas = ReportScope.mapAreas(location, requests: requests, helpers: helpers, areas: data.areas)
        mapAreas = areas
        let rawRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: 0) }
        let frame = SVGMap(extentOf: rawRings.flatMap { $0 })
        mapFrame = frame
        mapRings = areas.map { SVGMap.rings(wkb: data.geometries[$0.code], tolerance: frame.tolerance) }
    }

    /// The municipalities where the location's requesters and volunteers live (all areas for all
    /// locations, or when that gives none).
    static func mapAreas(_ location: LocationScope, requests: [HelpRequest], helpers: [Helper], areas: [AreaRecord]) -> [AreaRecord] {
        guard location != .all else { return areas }
        let byCode = Dictionary(uniqueKeysWithValues: areas.map { ($0.code, $0) })
        var municipalities = Set<String>()
        for p in requests.compactMap(\.requesterPostcode) + helpers.compactMap(\.postcode) {
            if let a = byCode[p.code] ?? byCode[p.pc4], let m = a.municipality { municipalities.insert(m) }
        }
        let chosen = areas.filter { $0.municipality.map(municipalities.contains) ?? false }
        return chosen.isEmpty ? areas : chosen
    }
}
