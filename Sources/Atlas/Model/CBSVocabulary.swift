import Foundation

/// CBS's column names across years and layouts, mapped onto one vocabulary: the long names of
/// the CBS GeoPackages (`aantal_inwoners`, …), which hulpatlas uses everywhere.
///
/// - **Short codes** (`INWONER`, `TOTHH_EENP`, `UITKMINAOW`, …): the header of the CBS
///   spreadsheets and shapefiles up to 2020 (`../shared/data/cbs-pc4-2020/column_map.csv`).
/// - **Dutch labels by position**: the CSV/XLSX export of the 2022 spreadsheet has labels only,
///   three of them "Totaal", so a label row is recognised as a whole and mapped column by column
///   (`../shared/data/cbs-pc4-2022/column_map.csv`).
/// - **Unit rows** (`x1`, `%`, `x 1 000 Euro`, …) under a header are recognised and skipped.
///
/// README.md, *Input formats*, lists every layout with the command that reads it.
public enum CBSVocabulary {
    /// Short code → long name (CBS Kerncijfers per postcode 2020 v1; the same codes are used in
    /// earlier years' spreadsheets and shapefiles).
    public static let shortCodes: [String: String] = [
        "PC4": "postcode",
        "INWONER": "aantal_inwoners",
        "MAN": "aantal_mannen",
        "VROUW": "aantal_vrouwen",
        "INW_014": "aantal_inwoners_0_tot_15_jaar",
        "INW_1524": "aantal_inwoners_15_tot_25_jaar",
        "INW_2544": "aantal_inwoners_25_tot_45_jaar",
        "INW_4564": "aantal_inwoners_45_tot_65_jaar",
        "INW_65PL": "aantal_inwoners_65_jaar_en_ouder",
        "P_NL_ACHTG": "percentage_nederlandse_achtergrond",
        "P_WE_MIG_A": "percentage_westerse_migr_achtergr",
        "P_NW_MIG_A": "percentage_niet_westerse_migr_achtergr",
        "AANTAL_HH": "aantal_part_huishoudens",
        "TOTHH_EENP": "aantal_eenpersoonshuishoudens",
        "TOTHH_MPZK": "aantal_meerpersoonshuishoudens_zonder_kind",
        "HH_EENOUD": "aantal_eenouderhuishoudens",
        "HH_TWEEOUD": "aantal_tweeouderhuishoudens",
        "GEM_HH_GR": "gemiddelde_huishoudensgrootte",
        "WONING": "aantal_woningen",
        "WONVOOR45": "aantal_woningen_bouwjaar_voor_1945",
        "WON_4564": "aantal_woningen_bouwjaar_45_tot_65",
        "WON_6574": "aantal_woningen_bouwjaar_65_tot_75",
        "WON_7584": "aantal_woningen_bouwjaar_75_tot_85",
        "WON_8594": "aantal_woningen_bouwjaar_85_tot_95",
        "WON_9504": "aantal_woningen_bouwjaar_95_tot_05",
        "WON_0514": "aantal_woningen_bouwjaar_05_tot_15",
        "WON_1524": "aantal_woningen_bouwjaar_15_en_later",
        "WON_MRGEZ": "aantal_meergezins_woningen",
        "P_KOOPWON": "percentage_koopwoningen",
        "P_HUURWON": "percentage_huurwoningen",
        "WON_HCORP": "aantal_huurwoningen_in_bezit_woningcorporaties",
        "WON_NBEW": "aantal_niet_bewoonde_woningen",
        "WOZWONING": "gemiddelde_woz_waarde_woning",
        "UITKMINAOW": "aantal_personen_met_uitkering_onder_aowlft",
        "OAD": "omgevingsadressendichtheid",
        "STED": "stedelijkheid",
    ]

    /// A release's label header, in column order: (normalised label, long name). An empty label
    /// is a column CBS left unlabelled.
    public struct LabelHeader: Sendable {
        public var release: String
        public var columns: [(label: String, name: String)]
    }

    public static let labelHeaders: [LabelHeader] = [
        LabelHeader(release: "Kerncijfers per postcode PC4 2022 v1", columns: [
        ("postcode-4", "postcode"),
        ("totaal", "aantal_inwoners"),
        ("man", "aantal_mannen"),
        ("vrouw", "aantal_vrouwen"),
        ("tot 15 jaar", "aantal_inwoners_0_tot_15_jaar"),
        ("15 tot 25 jaar", "aantal_inwoners_15_tot_25_jaar"),
        ("25 tot 45 jaar", "aantal_inwoners_25_tot_45_jaar"),
        ("45 tot 65 jaar", "aantal_inwoners_45_tot_65_jaar"),
        ("65 jaar en ouder", "aantal_inwoners_65_jaar_en_ouder"),
        ("geboren in nederland met een nederlandse herkomst", "percentage_geb_nederland_herkomst_nederland"),
        ("geboren in nederland met een europese herkomst (excl. nederland)", "percentage_geb_nederland_herkomst_overig_europa"),
        ("geboren in nederland met herkomst buiten europa", "percentage_geb_nederland_herkomst_buiten_europa"),
        ("geboren buiten nederland met een europese herkomst (excl. nederland)", "percentage_geb_buiten_nederland_herkomst_europa"),
        ("geboren buiten nederland met een herkomst buiten europa", "percentage_geb_buiten_nederland_herkmst_buiten_europa"),
        ("totaal", "aantal_part_huishoudens"),
        ("eenpersoons", "aantal_eenpersoonshuishoudens"),
        ("meerpersoons zonder kinderen", "aantal_meerpersoonshuishoudens_zonder_kind"),
        ("eenouder", "aantal_eenouderhuishoudens"),
        ("tweeouder", "aantal_tweeouderhuishoudens"),
        ("huishoudgrootte", "gemiddelde_huishoudensgrootte"),
        ("totaal", "aantal_woningen"),
        ("voor 1945", "aantal_woningen_bouwjaar_voor_1945"),
        ("1945 tot 1965", "aantal_woningen_bouwjaar_45_tot_65"),
        ("1965 tot 1975", "aantal_woningen_bouwjaar_65_tot_75"),
        ("1975 tot 1985", "aantal_woningen_bouwjaar_75_tot_85"),
        ("1985 tot 1995", "aantal_woningen_bouwjaar_85_tot_95"),
        ("1995 tot 2005", "aantal_woningen_bouwjaar_95_tot_05"),
        ("2005 tot 2015", "aantal_woningen_bouwjaar_05_tot_15"),
        ("2015 en later", "aantal_woningen_bouwjaar_15_en_later"),
        ("meergezins", "aantal_meergezins_woningen"),
        ("koopwoning", "percentage_koopwoningen"),
        ("huurwoning", "percentage_huurwoningen"),
        ("huurcoporatie", "aantal_huurwoningen_in_bezit_woningcorporaties"),
        ("niet bewoond", "aantal_niet_bewoonde_woningen"),
        ("woz-waarde woning", "gemiddelde_woz_waarde_woning"),
        ("personen met ww, bijstand en/of ao uitkering beneden aow-leeftijd", "aantal_personen_met_uitkering_onder_aowlft"),
        ("", "omgevingsadressendichtheid"),
        ("", "stedelijkheid"),
        ]),
    ]

    /// The unit words of a CBS unit row (normalised: lower case, single spaces).
    public static let units: Set<String> = ["%", "adressen/km2", "categorie", "code", "x 1 000 euro", "x1", "aantal", "euro",
                                            "x 1000 euro", "km2", "ha", "jaar", "per km2"]

    /// Lower case, runs of white space (newlines too) as one space, trimmed.
    public static func normalised(_ label: String) -> String {
        label.replacingOccurrences(of: "\u{FEFF}", with: "").split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ").lowercased()
    }

    /// The long name for a column name: a short code's long name, else the name as it is.
    public static func canonicalName(_ name: String) -> String {
        shortCodes[name.uppercased()] ?? name
    }

    /// The release whose label header `row` is (trailing empty cells allowed), with the names.
    public static func labelHeader(_ row: [String]) -> (release: String, names: [String])? {
        var cells = row.map(normalised)
        for header in labelHeaders {
            while cells.count > header.columns.count, cells.last == "" { cells.removeLast() }
            guard cells.count == header.columns.count else { continue }
            if zip(cells, header.columns).allSatisfy({ $0 == $1.label }) {
                return (header.release, header.columns.map(\.name))
            }
        }
        return nil
    }

    /// Whether every non-empty cell of `row` is a CBS unit (and at least two are).
    public static func isUnitRow(_ row: [String]) -> Bool {
        let cells = row.map(normalised).filter { !$0.isEmpty }
        return cells.count >= 2 && cells.allSatisfy(units.contains)
    }
}
