import Geo

/// A boundary made ready for the store: valid, polygonal, in EPSG:28992, with a point inside.
struct AreaShape {
    let geometry: Geometry
    let point: (x: Double, y: Double)
    let wasRepaired: Bool

    /// Why a feature's geometry cannot be used (the area is then kept without a shape).
    struct Problem: Error {
        let value: String
        let reason: String
    }

    /// Checks, repairs (GEOS MakeValid) and reprojects a feature's geometry.
    static func prepare(_ geometry: Geometry?, transform: CoordinateTransform?) -> Result<AreaShape, Problem> {
        guard var geometry else { return .failure(Problem(value: "", reason: "the feature has no geometry")) }
        guard !geometry.isEmpty else { return .failure(Problem(value: geometry.typeName, reason: "empty geometry")) }
        guard geometry.isPolygonal else {
            return .failure(Problem(value: geometry.typeName,
                                    reason: "not a polygon (an area needs a Polygon or MultiPolygon)"))
        }
        var repaired = false
        if !geometry.isValid {
            guard let fixed = geometry.madeValid()?.polygonalPart(), !fixed.isEmpty, fixed.isValid else {
                return .failure(Problem(value: geometry.typeName, reason: "invalid geometry that GEOS MakeValid cannot repair"))
            }
            geometry = fixed
            repaired = true
        }
        if let transform {
            do { try geometry.transform(with: transform) } catch {
                return .failure(Problem(value: geometry.typeName, reason: "cannot reproject to EPSG:28992: \(error)"))
            }
        }
        do {
            let point = try geometry.pointOnSurface()
            return .success(AreaShape(geometry: geometry, point: point, wasRepaired: repaired))
        } catch {
            return .failure(Problem(value: geometry.typeName, reason: "\(error)"))
        }
    }
}
