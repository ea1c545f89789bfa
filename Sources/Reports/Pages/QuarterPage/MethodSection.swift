import Atlas

/// Where the numbers come from, and what is hidden.
extension QuarterPage {
    func methodSection() -> Section {
        let first = data.requests.map(\.createdAt).min().map(\.description) ?? "–"
        let last = data.requests.map(\.createdAt).max().map(\.description) ?? "–"
        return Section(html: """
            <section id="method"><h2>\(t(.methodAndSources))</h2>
            <ul>
            <li>\(t(.areasAndStatistics)): CBS, \(t(.keyFiguresByPostcode)) \(String(data.areaYear)) (\(data.areaSource)), \(t(.licence)) CC BY 4.0. \(t(.secretCBSValuesCountAsMissing))</li>
            <li>\(t(.riskIndicesWeightedPercentileRanksOf))</li>
            <li>\(t(.helpRequests)): \(t(.theOrganisationsOwnRecords)), \(first) – \(last). \(t(.distancesBetweenPostcodePointsEPSG28992))</li>
            <li>\(t(.privacyCountsBelow)) \(data.suppression.threshold) \(t(.areNotShownNorCanThey))</li>
            <li>\(t(.fullMethodDocsMETHODMdIn))</li>
            </ul></section>

            """)
    }
}
