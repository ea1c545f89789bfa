import Foundation
@testable import Reports
import Testing

/// The map's labels, scale bar and north arrow.
@Suite struct SVGMapTests {
    static func square(_ x: Double, _ y: Double, _ side: Double) -> [[(x: Double, y: Double)]] {
        [[(x, y), (x + side, y), (x + side, y + side), (x, y + side), (x, y)]]
    }

    /// A large area gets its code; a sliver too small for it, or one whose label would cover
    /// another label, does not.
    @Test func labelsWhereTheyFitAndNeverOnTopOfEachOther() {
        let big = SVGMap.Area(code: "3311", rings: Self.square(0, 0, 5000), fill: "#fff", title: "", outlined: false,
                              labelAt: (2500, 2500))
        let small = SVGMap.Area(code: "3312", rings: Self.square(5000, 0, 100), fill: "#fff", title: "", outlined: false,
                                labelAt: (5050, 50))
        let overlapping = SVGMap.Area(code: "3313", rings: Self.square(1000, 1000, 3000), fill: "#fff", title: "", outlined: false,
                                      labelAt: (2500, 2500))
        let map = SVGMap(extentOf: [big, small, overlapping].flatMap(\.rings))
        let labels = map.labels([big, small, overlapping]).markup
        #expect(labels.contains(">3311</text>"))
        #expect(!labels.contains(">3312<") && !labels.contains(">3313<"), "\(labels)")
    }

    /// The scale bar is a round length drawn at the map's scale (1, 2 or 5 × a power of ten).
    @Test func theScaleBarIsARoundLengthAtTheMapsScale() throws {
        let map = SVGMap(extentOf: Self.square(0, 0, 20_000))
        let bar = map.scaleBar().markup
        #expect(bar.contains(">2 km</text>") || bar.contains(">5 km</text>"), "\(bar)")
        let metres = bar.contains(">2 km") ? 2000.0 : 5000.0
        // The bar's path: M x y V y H x+length V …
        let h = try #require(bar.range(of: #"H([0-9]+)"#, options: .regularExpression))
        let end = Double(bar[h].dropFirst())!
        #expect(abs((end - 24) - metres * map.scale) <= 1)
        #expect(map.northArrow().markup.contains(">N</text>"))
    }
}
