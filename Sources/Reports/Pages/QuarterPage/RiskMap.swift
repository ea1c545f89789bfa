import Atlas
import Geo

/// A risk map of one scope's region: areas coloured by their percentile on one index, flyer
/// targets outlined, and the catchment of the volunteers active on a given day. The quarterly
/// pages draw two (one per index) with area labels; the locations overview draws small ones.
struct RiskMap {
    let scope: ReportScope
    let data: ReportData
    let text: ReportText

    func t(_ phrase: Phrase) -> String { text.t(phrase) }

    var volunteerDistance: Double { data.plan?.volunteerDistance ?? 3000 }

    var kilometres: String {
        text.decimal(volunteerDistance / 1000, decimals: volunteerDistance.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1)
    }

    /// Within the volunteer distance of a volunteer active on `day` (PC4 points: coarse on
    /// purpose, so that no volunteer's address can be read from the map).
    func catchment(on day: Day) -> [[(x: Double, y: Double)]]? {
        var seen = Set<String>()
        let points = scope.helpers.filter { $0.isActive(from: day, to: day) }
            .compactMap { data.pc4Locator.place($0.postcode) }.filter { seen.insert($0.area).inserted }
        let circles = points.compactMap { Geometry.point(x: $0.x, y: $0.y).buffered(volunteerDistance, segments: 12) }
        return Geometry.union(circles)?.simplified(tolerance: scope.mapFrame.tolerance)?.rings()
    }

    /// The colour classes of the legend.
    var classes: [(color: String, label: String)] {
        (0..<5).map { (SVGMap.classColors[$0], t(.percentile) + " \($0 * 20)–\($0 * 20 + 20)") }
            + [(SVGMap.notRankedColor, t(.notRanked))]
    }

    /// The whole legend, for a page of maps drawn without their own (`legend: false`).
    var legend: HTML {
        SVGMap.legend(classes, targetLabel: t(.chosenFlyerArea), catchmentLabel: t(.withinKmOfAnActiveVolunteer(km: kilometres)))
    }

    /// The map of `index` as an SVG figure; `labels`: area codes where they fit; `legend`: its
    /// own legend below it.
    func render(_ index: IndexName, id: String, catchment: [[(x: Double, y: Double)]]?, labels: Bool, legend: Bool = true) -> HTML {
        let targets = Dictionary(uniqueKeysWithValues: (data.plan?.plan.targets ?? []).map { ($0.code, $0.rank) })
        let mapped: [SVGMap.Area] = scope.mapAreas.enumerated().map { i, a in
            let s = data.scores[a.code]?[index.rawValue]
            var lines = ["\(a.code)\(a.municipality.map { " · \($0)" } ?? "")"]
            if let p = s?.percentile {
                lines.append("\(text.index(index)): \(t(.percentile)) \(Int(p.rounded()))")
            } else {
                lines.append("\(text.index(index)): \(t(.notRanked))"
                             + (s?.notRankedReason.map { " (\(text.notRanked($0)))" } ?? ""))
            }
            if let h = a.households { lines.append("\(t(.households)): \(text.count(h))") }
            if let rank = targets[a.code] { lines.append("\(t(.flyerArea)) #\(rank)") }
            return SVGMap.Area(code: a.code, rings: scope.mapRings[i], fill: SVGMap.color(percentile: s?.percentile),
                               title: lines.joined(separator: "\n"), outlined: targets[a.code] != nil,
                               labelAt: labels ? a.pointX.flatMap { x in a.pointY.map { (x, $0) } } : nil)
        }
        return scope.mapFrame.render(id: id, label: text.index(index), areas: mapped, catchment: catchment,
                                     legend: legend ? classes : [],
                                     catchmentLabel: t(.withinKmOfAnActiveVolunteer(km: kilometres)),
                                     targetLabel: t(.chosenFlyerArea))
    }
}
