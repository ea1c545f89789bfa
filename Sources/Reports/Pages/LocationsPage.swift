import Atlas
import Foundation

/// locations.html: the national overview as small multiples, one block per location with its
/// own region's two risk maps (flyer areas outlined, its volunteers' catchment) and a link to
/// its latest report. It shows public statistics and the maps the location pages show, and no
/// count of the match history.
public enum LocationsPage {
    public static let file = "locations.html"

    /// The page, or nil with fewer than two locations (the one location's report is the overview).
    static func html(_ data: ReportData, latest: [LocationScope: String], day: Day) -> String? {
        let locations = Set(data.requests.map(\.location)).sorted().map(LocationScope.named)
        guard locations.count > 1 else { return nil }
        let text = ReportText(lang: data.language, threshold: data.suppression.threshold)
        func t(_ phrase: Phrase) -> String { text.t(phrase) }
        let scopes = Parallel.map(locations.count) { ReportScope(locations[$0], data: data) }
        let slugs = QuarterReport.slugs(for: locations)
        var km = "", legend: HTML = ""
        let blocks: [HTML] = zip(locations, scopes).map { location, scope in
            let map = RiskMap(scope: scope, data: data, text: text)
            (km, legend) = (map.kilometres, map.legend)
            let catchment = map.catchment(on: day)
            let slug = slugs[location] ?? QuarterReport.slug(location.label)
            let maps: [HTML] = IndexName.allCases.map { index in
                "<div><h3>\(text.index(index))</h3>"
                    + map.render(index, id: "map-\(slug)-\(index.rawValue)", catchment: catchment, labels: false, legend: false)
                    + "</div>"
            }
            let municipalities = Set(scope.mapAreas.compactMap(\.municipality)).sorted()
            let onMap = Set(scope.mapAreas.map(\.code))
            let targets = (data.plan?.plan.targets ?? []).filter { onMap.contains($0.code) }.count
            let link: HTML = latest[location].map { "<a href=\"\($0)\">\(t(.latestReport))</a>" } ?? ""
            return """
                <div class="location" data-location="\(location.label)"><h2>\(location.label)</h2>\
                <p class="note">\(t(.locationRegion(areas: scope.mapAreas.count, municipalities: municipalities.joined(separator: ", "), targets: targets))) \(link)</p>\
                <div class="maps small">\(maps)</div></div>
                """
        }
        let body: HTML = """
            <p class="note">\(t(.locationsOverviewIntro(km: km)))</p><div class="legend-top">\(legend)</div>
            <section id="locations">\(blocks)</section>
            <style>#locations{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:18px}\
            .location{break-inside:avoid;border:1px solid var(--line);padding:8px 10px}.location h2{margin-top:2px}\
            .maps.small{grid-template-columns:1fr 1fr;gap:8px}.maps.small h3{font-size:13px;margin:4px 0;min-height:3.1em;line-height:1.5}\
            .maps.small svg{max-height:230px}.legend-top .legend{margin:0 0 12px}</style>
            """
        return ReportStyle.document(language: data.language, title: t(.locationsOverviewTitle), kicker: "hulpatlas",
                                    subtitle: "\(t(.period)): \(t(.upTo)) \(day.description)", body: body).markup
    }

    /// Writes the page when there are two or more locations; returns its file name.
    public static func write(_ data: ReportData, reports: [ReportWriter.Written], folder: String) throws -> String? {
        var latest: [LocationScope: (Quarter, String)] = [:]
        for r in reports where (latest[r.location]?.0).map({ r.quarter > $0 }) ?? true { latest[r.location] = (r.quarter, r.file) }
        let day = data.requests.map(\.createdAt).max().map { Quarter(index: $0.quarterIndex).bounds.last }
        guard let day, let page = html(data, latest: latest.mapValues(\.1), day: day) else { return nil }
        try ReportWriter.writeText(page, to: (folder as NSString).appendingPathComponent(file))
        return file
    }
}
