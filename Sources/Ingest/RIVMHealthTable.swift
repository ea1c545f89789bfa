import Atlas
import Foundation
import Geo

/// RIVM's "Gezondheid per wijk en buurt" (StatLine table 50090NED) as a statistics input.
///
/// Two layouts are read:
/// - StatLine's own (TypedDataSet export): `ID;Leeftijd;Marges;WijkenEnBuurten;Gemeentenaam_1;…;
///   Eenzaam_28;ErnstigZeerErnstigEenzaam_29;…;Vrijwilligerswerk_33;…;MoeiteMetRondkomen_38`, codes
///   padded with spaces (`GM0505    `), "." for a missing value, `Marges` MW00000 for the estimate
///   (the interval bounds MOG0095/MOB0095 are skipped), `Leeftijd` as a code (20300 = 18+,
///   21700 = 65+, 53115 = 18–65) or a label;
/// - the tidy layout of `../shared/data/rivm-gezondheid-2020`: `regiocode, leeftijd, eenzaam_pct, …`.
///
/// Every measure becomes an indicator `rivm_<measure>_<age>` (e.g. `rivm_vrijwilligerswerk_pct_18plus`),
/// joined to an area by the region's code (WK…/BU… at wijk and buurt level, GM… to a municipality
/// code) or, for postcode areas, by the municipality's name.
struct RIVMHealthTable {
    let file: String
    /// Values per region key (a code like GM0505, or "name:dordrecht"), then per indicator.
    private(set) var regions: [String: [String: CBSValue]] = [:]
    private(set) var columns: [String] = []
    private(set) var rowsRead = 0
    private(set) var rowsAccepted = 0
    private(set) var rejects: [Reject] = []

    /// StatLine's measure keys (without the `_NN` suffix) and the tidy names, → hulpatlas's name.
    static let measures: [String: String] = [
        "eenzaam": "eenzaam_pct", "ernstigzeerernstigeenzaam": "ernstig_eenzaam_pct",
        "emotioneeleenzaam": "emotioneel_eenzaam_pct", "sociaaleenzaam": "sociaal_eenzaam_pct",
        "moeitemetrondkomen": "moeite_met_rondkomen_pct", "vrijwilligerswerk": "vrijwilligerswerk_pct",
        "mantelzorger": "mantelzorger_pct",
        "eenzaam_pct": "eenzaam_pct", "ernstig_eenzaam_pct": "ernstig_eenzaam_pct",
        "emotioneel_eenzaam_pct": "emotioneel_eenzaam_pct", "sociaal_eenzaam_pct": "sociaal_eenzaam_pct",
        "moeite_met_rondkomen_pct": "moeite_met_rondkomen_pct", "vrijwilligerswerk_pct": "vrijwilligerswerk_pct",
        "mantelzorger_pct": "mantelzorger_pct",
    ]
    static let regionColumns = ["wijkenenbuurten", "regiocode", "codering_3", "regios"]
    static let nameColumns = ["gemeentenaam_1", "gemeentenaam"]

    /// The name an indicator gets: `rivm_vrijwilligerswerk_pct_18plus`.
    static func indicator(_ measure: String, age: String) -> String { "rivm_\(measure)_\(age)" }

    /// "18+", "20300", "18 jaar of ouder" → "18plus"; nil for an age group hulpatlas does not use.
    static func ageKey(_ raw: String) -> String? {
        let t = raw.trimmingSpaces().lowercased()
        switch t {
        case "18+", "20300", "18 jaar of ouder", "18 jaar en ouder": return "18plus"
        case "65+", "21700", "65 jaar of ouder", "65 jaar en ouder": return "65plus"
        case "18-65", "18–65", "53115", "18 tot 65 jaar": return "18to65"
        default: return nil
        }
    }

    /// Whether a header is RIVM's: an age column and a region column.
    static func recognises(_ names: [String]) -> Bool {
        let lower = Set(names.map { $0.lowercased() })
        return lower.contains("leeftijd") && regionColumns.contains(where: lower.contains)
    }

    static func recognises(path: String) -> Bool {
        guard let dataset = try? VectorDataset(path: path), let layer = try? dataset.layer() else { return false }
        return recognises(layer.fields.map(\.name))
    }

    init(path: String) throws {
        file = path
        let dataset = try VectorDataset(path: path)
        let layer = try dataset.layer()
        let names = layer.fields.map(\.name)
        let lower = names.map { $0.lowercased() }
        guard let ageIndex = lower.firstIndex(of: "leeftijd"),
              let regionIndex = Self.regionColumns.lazy.compactMap({ lower.firstIndex(of: $0) }).first else {
            throw IngestError.noKeyColumn(file: path, columns: names, flag: "a region column (WijkenEnBuurten or regiocode)")
        }
        let nameIndex = Self.nameColumns.lazy.compactMap { lower.firstIndex(of: $0) }.first
        let margeIndex = lower.firstIndex(of: "marges")
        // Measure columns: StatLine's `Eenzaam_28` loses its `_28`; the tidy names stay.
        var measureAt: [(index: Int, measure: String)] = []
        for (i, name) in lower.enumerated() {
            let stem = name.replacingOccurrences(of: #"_[0-9]+$"#, with: "", options: .regularExpression)
            if let m = Self.measures[name] ?? Self.measures[stem] { measureAt.append((i, m)) }
        }
        guard !measureAt.isEmpty else {
            throw IngestError.noRIVMMeasures(file: path, known: Set(Self.measures.values).sorted())
        }
        let sourceRows = SourceRows(dataset: dataset)
        var seen = Set<String>()
        var ordinal = 0
        for feature in layer {
            ordinal += 1
            rowsRead += 1
            let line = sourceRows.line(of: feature, ordinal: ordinal)
            func reject(_ field: String, _ value: String, _ reason: String) {
                rejects.append(Reject(file: path, line: line, field: field, value: value, reason: reason))
            }
            if let margeIndex {
                let marge = feature.value(at: margeIndex).text.trimmingSpaces()
                // The interval bounds of StatLine's margins are rows of their own: not a reject.
                if marge.uppercased().hasPrefix("MO") { rowsRead -= 1; continue }
                guard marge.isEmpty || marge.uppercased() == "MW00000" else {
                    reject(names[margeIndex], marge, "unknown Marges code (expected MW00000, MOG0095 or MOB0095)"); continue
                }
            }
            let ageText = feature.value(at: ageIndex).text
            guard let age = Self.ageKey(ageText) else {
                reject(names[ageIndex], ageText, "unknown age group (expected 18+, 65+, 18-65 or StatLine's 20300, 21700, 53115)")
                continue
            }
            let code = feature.value(at: regionIndex).text.trimmingSpaces().uppercased()
            guard !code.isEmpty else { reject(names[regionIndex], "", "region code is empty"); continue }
            guard seen.insert("\(code)|\(age)").inserted else {
                reject(names[regionIndex], code, "duplicate region and age group: \(code) \(ageText.trimmingSpaces())"); continue
            }
            var values: [String: CBSValue] = [:]
            for (i, measure) in measureAt {
                let column = Self.indicator(measure, age: age)
                let text = feature.value(at: i).text.trimmingSpaces()
                // CBSValue's parser: "" and StatLine's "." are missing, a decimal comma is read,
                // and nothing but decimal notation is a number (Double("0x1A") would be 26).
                let cell = CBSValue(parsing: text)
                if cell == .empty { values[column] = .empty; continue }
                guard case let .number(v)? = cell, (0...100).contains(v) else {
                    rejects.append(Reject(file: path, line: line, field: names[i], value: text,
                                          reason: "not a percentage 0–100; the value is left missing", rowRejected: false))
                    continue
                }
                values[column] = .number(v)
            }
            rowsAccepted += 1
            for (column, value) in values {
                if !columns.contains(column) { columns.append(column) }
                regions[code, default: [:]][column] = value
                if let nameIndex, code.hasPrefix("GM") {
                    let name = feature.value(at: nameIndex).text.trimmingSpaces().lowercased()
                    if !name.isEmpty { regions["name:" + name, default: [:]][column] = value }
                }
            }
        }
        columns.sort()
    }

    /// The values for an area: by its own code when the table has rows of the area's level
    /// (a buurt table for buurten), else its municipality's by code or name (a municipal table
    /// for postcode areas, wijken or buurten). Never a mix of both levels in one area set.
    func values(code: String, level: AreaLevel, municipality: String?) -> [String: CBSValue]? {
        let prefix = level == .buurt ? "BU" : level == .wijk ? "WK" : nil
        if let prefix, regions.keys.contains(where: { $0.hasPrefix(prefix) }) { return regions[code.uppercased()] }
        guard let municipality = municipality?.trimmingSpaces(), !municipality.isEmpty else { return nil }
        return regions[municipality.uppercased()] ?? regions["name:" + municipality.lowercased()]
    }
}
