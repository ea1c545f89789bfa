import Atlas

/// The two risk maps: areas coloured by percentile, flyer targets outlined, and the catchment
/// of the volunteers active at the end of the quarter.
extension QuarterPage {
    func mapSection() -> Section {
        let map = RiskMap(scope: scope, data: data, text: text)
        let catchment = map.catchment(on: bounds.last)
        let maps: [HTML] = IndexName.allCases.map { index in
            "<div><h3>\(text.index(index))</h3>"
                + map.render(index, id: "map-\(index.rawValue)", catchment: catchment, labels: true) + "</div>"
        }
        return Section(html: """
            <section id="maps"><h2>\(t(.riskMaps))</h2>
            <p>\(t(.mapLegend(areas: data.areas.count, km: map.kilometres)))</p>
            <div class="maps" data-areas="\(scope.mapAreas.count)">\(maps)</div></section>

            """)
    }
}
