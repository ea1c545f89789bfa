import Atlas
import Testing

@Suite struct PostcodeTests {
    @Test(arguments: [
        ("3311", "3311"), ("3311AB", "3311AB"), ("3311 ab", "3311AB"), (" 3311ab ", "3311AB"),
        ("3311-AB", "3311AB"), ("3311.0", "3311"), ("9999ZZ", "9999ZZ"),
    ])
    func normalises(raw: String, expected: String) throws {
        #expect(try Postcode(parsing: raw).code == expected)
    }

    @Test(arguments: ["", "  ", "331", "33111", "3311A", "3311ABC", "AB3311", "3311 1A", "33é1", "0311"])
    func rejectsNonPostcodes(raw: String) {
        #expect(throws: Postcode.ParseError.self) { try Postcode(parsing: raw) }
    }

    @Test func levelAndPC4() throws {
        let p = try Postcode(parsing: "3311 AB")
        #expect(p.level == .pc6 && p.pc4 == "3311")
        #expect(try Postcode(parsing: "3311").level == .pc4)
    }
}

@Suite struct CBSValueTests {
    @Test func codesAreNeverNumbers() {
        #expect(CBSValue(-99997) == .special(code: -99997))
        #expect(CBSValue(-99997.0).number == nil)
        #expect(CBSValue(-99995).isSpecial)
        #expect(CBSValue(-99999999) == .special(code: -99999999))
        #expect(CBSValue(-99989) == .number(-99989))
        #expect(CBSValue(0) == .number(0))
    }

    @Test(arguments: [
        ("9705", CBSValue.number(9705)), ("1.5", .number(1.5)), ("1,5", .number(1.5)),
        ("-99997", .special(code: -99997)), ("-99997.0", .special(code: -99997)),
        ("-99 997", .special(code: -99997)), ("", .empty), ("  ", .empty), (".", .empty),
        ("x", .special(code: -99997)), ("1.234,5", .number(1234.5)), ("1.234.567", .number(1_234_567)),
        ("1,234.5", .number(1234.5)),
    ])
    func parsesCells(raw: String, expected: CBSValue) {
        #expect(CBSValue(parsing: raw) == expected)
    }

    @Test func dutchExcelFilesUseTheDotForThousands() {
        #expect(CBSValue(parsing: "1.234", decimalComma: true) == .number(1234))
        #expect(CBSValue(parsing: "1.234") == .number(1.234))
        #expect(CBSValue(parsing: "12,5", decimalComma: true) == .number(12.5))
    }

    @Test(arguments: ["abc", "12a", "1,000,000", "nan", "inf"])
    func textIsNotANumber(raw: String) {
        #expect(CBSValue(parsing: raw) == nil)
    }
}

@Suite struct AreaRecordTests {
    @Test func populationSkipsSecretValuesAndFallsBackToTheNextName() {
        let area = AreaRecord(code: "3311", level: .pc4, year: 2020, municipality: nil, areaM2: 1, pointX: 0, pointY: 0,
                              values: ["aantal_inwoners": .special(code: -99997), "inwoners": .number(120),
                                       "aantal_part_huishoudens": .number(60)])
        #expect(area.population == 120)
        #expect(area.households == 60)
    }

    @Test func knownColumnsAreFoundCaseInsensitively() {
        #expect(KnownColumns.find(KnownColumns.postcode, in: ["id", "PC4CODE", "density"]) == "PC4CODE")
        #expect(KnownColumns.find(KnownColumns.postcode, in: ["PC6", "postcode"]) == "postcode")
        #expect(KnownColumns.find(KnownColumns.municipality, in: ["Gemeente"]) == "Gemeente")
        #expect(KnownColumns.find(KnownColumns.postcode, in: ["id"]) == nil)
    }
}

@Suite struct HostileNumberTests {
    /// Found by make fuzz: a CBS cell of -9.6e100 trapped converting to an Int code.
    @Test func absurdNumbersNeverTrap() {
        #expect(CBSValue(parsing: "-96666666666666666666666666666666666666666666666666666666666699979")?.isSpecial == true)
        #expect(CBSValue(parsing: "1e308") == .number(1e308))
        #expect(Int(saturating: .nan) == 0 && Int(saturating: 1e300) == .max && Int(saturating: -1e300) == .min)
        #expect(Int(saturating: -3.7) == -3)
        let grid = PointGrid([(x: .infinity, y: 0), (x: 1e300, y: 5), (x: 10, y: 10)], cellSize: 100)
        #expect(grid.count == 1)
        #expect(grid.nearest(x: 1e300, y: 0, within: 1e300) == nil)
        #expect(grid.nearest(x: 0, y: 0, within: 50) == 200.0.squareRoot())
    }

    @Test func complementarySuppressionOverSeveralSums() {
        // Two months × (help, info); each month's total and each column's quarter sum are shown.
        // [m1 help, m1 info, m2 help, m2 info] = [20, 3, 30, 9]: info of m1 is small; hiding it
        // alone would reveal it from m1's total, so m1 help goes too, and from the info
        // column's sum, so m2 info goes too; then m2's total forces m2 help.
        let s = Suppression(threshold: 5)
        let hidden = s.protect([20, 3, 30, 9], groups: [[0, 1], [2, 3], [0, 2], [1, 3]])
        #expect(hidden == [true, true, true, true])
        #expect(s.protect([20, 6, 30, 9], groups: [[0, 1], [2, 3], [0, 2], [1, 3]]) == [false, false, false, false])
    }
}

@Suite struct AreaCodeTests {
    @Test func everyLevelParsesAndRoundTrips() throws {
        #expect(try AreaCode(parsing: "3311").level == .pc4)
        #expect(try AreaCode(parsing: " 3311 ab ").code == "3311AB")
        #expect(try AreaCode(parsing: "bu05050100").code == "BU05050100")
        #expect(try AreaCode(parsing: "WK050501").level == .wijk)
        #expect(try AreaCode(parsing: "3311", level: .pc4).level == .pc4)
    }

    @Test func codesThatLostTheirPrefixAreNamedSo() {
        #expect(throws: AreaCode.ParseError.lostLeadingZeros("5050100", level: .buurt)) {
            try AreaCode(parsing: "5050100", level: .buurt)
        }
        #expect(throws: AreaCode.ParseError.malformed("WK12", level: .wijk)) { try AreaCode(parsing: "WK12") }
        #expect(throws: AreaCode.ParseError.malformed("BU0505", level: .buurt)) { try AreaCode(parsing: "BU0505", level: .buurt) }
        #expect(throws: (any Error).self) { try AreaCode(parsing: "3311AB", level: .buurt) }
    }
}
