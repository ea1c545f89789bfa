import Atlas

/// Where the numbers come from, and what is hidden.
extension QuarterPage {
    func methodSection() -> Section {
        let first = data.requests.map(\.createdAt).min().map(\.description) ?? "–"
        let last = data.requests.map(\.createdAt).max().map(\.description) ?? "–"
        return Section(html: """
            <section id="method"><h2>\(t("Methode en bronnen", "Method and sources"))</h2>
            <ul>
            <li>\(t("Gebieden en statistiek", "Areas and statistics")): CBS, \(t("Kerncijfers per postcode", "Key figures by postcode")) \(String(data.areaYear)) (\(data.areaSource)), \(t("licentie", "licence")) CC BY 4.0. \(t("Geheime CBS-waarden tellen als ontbrekend.", "Secret CBS values count as missing."))</li>
            <li>\(t("Risico-indexen: gewogen percentielrangen van CBS-kenmerken met krimp naar het gemiddelde voor kleine gebieden. De gewichten zijn geschat op de door RIVM gemeten aandelen (Gezondheidsmonitor 2020, de helft van de gemeenten): eenzaamheid volgt ernstige eenzaamheid van volwassenen met Spearman 0,87 (kruisgevalideerd), schulden ‘moeite met rondkomen’ met 0,92 en CBS Kaart risico gemeenten 2018 met 0,85. Verwachte huishoudens met risico: 8,3% huishoudens met problematische schulden (CBS, 2018) en 11,2% ernstig eenzame volwassenen (RIVM, 2020; spreiding tussen gemeenten geschat op de RIVM-cijfers).", "Risk indices: weighted percentile ranks of CBS characteristics, shrunk towards the mean for small areas. The weights were fitted to the shares RIVM measured (health monitor 2020, half of the municipalities): the loneliness index follows severe loneliness of adults with Spearman 0.87 (cross-validated), the debt index ‘difficulty making ends meet’ with 0.92 and CBS's municipal debt-risk map 2018 with 0.85. Expected households at risk: 8.3% of households with problematic debts (CBS, 2018) and 11.2% severely lonely adults (RIVM, 2020; the spread between municipalities fitted to RIVM's figures)."))</li>
            <li>\(t("Hulpvragen", "Help requests")): \(t("eigen registratie", "the organisation's own records")), \(first) – \(last). \(t("Afstanden tussen postcodepunten (EPSG:28992).", "Distances between postcode points (EPSG:28992)."))</li>
            <li>\(t("Privacy: aantallen onder", "Privacy: counts below")) \(data.suppression.threshold) \(t("worden niet getoond, ook niet via totalen (aanvullende onderdrukking). Geen namen, ids, 6-cijferige postcodes of vrije tekst van hulpvragers.", "are not shown, nor can they be derived from totals (complementary suppression). No names, ids, 6-character postcodes or free text of requesters."))</li>
            <li>\(t("Volledige methode: docs/METHOD.md in hulpatlas.", "Full method: docs/METHOD.md in hulpatlas."))</li>
            </ul></section>

            """)
    }
}
