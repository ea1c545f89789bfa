import Atlas
import Geo

/// The two risk maps: areas coloured by percentile, flyer targets outlined, and the catchment
/// of the volunteers active at the end of the quarter.
extension QuarterPage {
    var volunteerDistance: Double { data.plan?.volunteerDistance ?? 3000 }

    func mapSection() -> Section {
        let areas = scope.mapAreas
        let frame = scope.mapFrame
        let targets = Dictionary(uniqueKeysWithValues: (data.plan?.plan.targets ?? []).map { ($0.code, $0.rank) })

        // Catchment: within the volunteer distance of a volunteer active at the end of the quarter (PC4 points).
        var seen = Set<String>()
        let points = scope.helpers.filter { $0.isActive(from: bounds.last, to: bounds.last) }
            .compactMap { data.pc4Locator.place($0.postcode) }.filter { seen.insert($0.area).inserted }
        let circles = points.compactMap { Geometry.point(x: $0.x, y: $0.y).buffered(volunteerDistance, segments: 12) }
        let catchment = Geometry.union(circles)?.simplified(tolerance: frame.tolerance)?.rings()
        let km = text.decimal(volunteerDistance / 1000, decimals: volunteerDistance.truncatingRemainder(dividingBy: 1000) == 0 ? 0 : 1)
        let catchmentLabel = t(.withinKmOfAnActiveVolunteer(km: km))

        let legend: [(color: String, label: String)] = (0..<5).map {
            (SVGMap.classColors[$0], t(.percentile) + " \($0 * 20)–\($0 * 20 + 20)")
        } + [(SVGMap.notRankedColor, t(.notRanked))]
        var maps: [HTML] = []
        for index in IndexName.allCases {
            let mapped: [SVGMap.Area] = areas.enumerated().map { i, a in
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
                                   labelAt: a.pointX.flatMap { x in a.pointY.map { (x, $0) } })
            }
            maps.append("<div><h3>\(text.index(index))</h3>"
                        + frame.render(id: "map-\(index.rawValue)", label: text.index(index), areas: mapped, catchment: catchment,
                                       legend: legend, catchmentLabel: catchmentLabel,
                                       targetLabel: t(.chosenFlyerArea)) + "</div>")
        }
        return Section(html: """
            <section id="maps"><h2>\(t(.riskMaps))</h2>
            <p>\(t(.mapLegend(areas: data.areas.count, km: km)))</p>
            <div class="maps" data-areas="\(areas.count)">\(maps)</div></section>

            """)
    }
}
