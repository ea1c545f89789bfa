import Foundation
import Geo
import Testing

@Suite struct GeometryTests {
    @Test func squareHasKnownAreaCentroidAndPointInside() throws {
        let square = try Geometry(wkt: "POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))")
        #expect(square.area == 1_000_000)
        let c = try square.centroid()
        #expect(c.x == 500 && c.y == 500)
        let p = try square.pointOnSurface()
        #expect((0...1000).contains(p.x) && (0...1000).contains(p.y))
        #expect(square.isValid && square.isPolygonal && !square.isEmpty)
    }

    /// A C-shaped area: its centroid lies in the hole of the C, the point on surface inside.
    @Test func pointOnSurfaceLiesInsideACrescentWhereTheCentroidDoesNot() throws {
        let crescent = try Geometry(wkt: """
            POLYGON ((0 0, 100 0, 100 10, 10 10, 10 90, 100 90, 100 100, 0 100, 0 0))
            """)
        let c = try crescent.centroid()
        let p = try crescent.pointOnSurface()
        #expect(!crescent.touchesOrIntersects(Geometry.point(x: c.x, y: c.y)))
        #expect(crescent.touchesOrIntersects(Geometry.point(x: p.x, y: p.y)))
    }

    @Test func wkbRoundTripKeepsTheGeometry() throws {
        let original = try Geometry(wkt: "MULTIPOLYGON (((0 0, 3 0, 3 3, 0 0)), ((10 10, 12 10, 12 12, 10 10)))")
        let copy = try Geometry(wkb: original.wkb())
        #expect(copy.wkt() == original.wkt())
        #expect(copy.area == original.area)
        #expect(copy.typeName == "MULTIPOLYGON")
    }

    @Test func malformedInputBecomesAnErrorWithGDALsMessage() {
        #expect(throws: GeoError.self) { try Geometry(wkt: "POLYGON ((0 0, 1 1") }
        #expect(throws: GeoError.self) { try Geometry(wkb: [1, 3, 0]) }
    }

    @Test func bowtieIsInvalidAndMakeValidRepairsIt() throws {
        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))")
        #expect(!bowtie.isValid)
        let fixed = try #require(bowtie.madeValid()?.polygonalPart())
        #expect(fixed.isValid)
        #expect(abs(fixed.area - 50) < 1e-9)  // two triangles of 25 m²
    }

    @Test func distanceBetweenPoints() {
        #expect(Geometry.point(x: 0, y: 0).distance(to: Geometry.point(x: 3000, y: 4000)) == 5000)
    }
}

@Suite struct ReprojectionTests {
    /// The origin of the Dutch grid (Onze Lieve Vrouwetoren, Amersfoort) is defined as
    /// x = 155000, y = 463000 in RD; in WGS84 it is 52.15517440 N, 5.38720621 E
    /// (Kadaster, RDNAPTRANS). Longitude comes first: the axis order is handled.
    @Test func amersfoortOriginMapsToRDOrigin() throws {
        let wgs84 = try SpatialReference(epsg: 4326)
        let rd = try SpatialReference(epsg: SpatialReference.rdNewEPSG)
        let transform = try CoordinateTransform(from: wgs84, to: rd)
        let p = try transform.transform(x: 5.38720621, y: 52.15517440)
        #expect(abs(p.x - 155_000) < 2)
        #expect(abs(p.y - 463_000) < 2)

        let g = Geometry.point(x: 5.38720621, y: 52.15517440)
        try g.transform(with: transform)
        let c = try g.centroid()
        #expect(abs(c.x - 155_000) < 2 && abs(c.y - 463_000) < 2)
    }

    @Test func unknownCoordinateSystemIsAClearError() {
        #expect(throws: GeoError.self) { try SpatialReference(definition: "EPSG:999999") }
        #expect(throws: GeoError.self) { try SpatialReference(definition: "not a crs") }
    }

    @Test func identifierNamesTheEPSGCode() throws {
        #expect(try SpatialReference(epsg: 28992).identifier == "EPSG:28992")
    }
}

/// Queen contiguity tests each polygon, prepared once, against its candidates: the prepared
/// predicate answers as the plain one does.
@Suite struct PreparedGeometryTests {
    static let square = "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"

    @Test func preparedIntersectsAnswersAsThePlainPredicate() throws {
        let a = try Geometry(wkt: Self.square)
        let prepared = try #require(PreparedGeometry(a))
        let cases: [(String, Bool)] = [
            ("POLYGON ((10 0, 20 0, 20 10, 10 10, 10 0))", true),     // shares an edge
            ("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))", true),  // shares a corner only (queen)
            ("POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))", true),        // overlaps
            ("POLYGON ((2 2, 3 2, 3 3, 2 3, 2 2))", true),            // inside
            ("POLYGON ((10.5 0, 20 0, 20 10, 10.5 10, 10.5 0))", false), // a gap of half a metre
        ]
        for (wkt, expected) in cases {
            let b = try Geometry(wkt: wkt)
            #expect(prepared.intersects(b) == expected, "\(wkt)")
        }
        // The tolerance of the queen sweep still joins the two across the gap.
        let shapes = try [Self.square, "POLYGON ((10.5 0, 20 0, 20 10, 10.5 10, 10.5 0))", "POLYGON ((50 50, 60 50, 60 60, 50 60, 50 50))"]
            .map { Optional(try Geometry(wkt: $0)) }
        #expect(Contiguity.queen(shapes, tolerance: 1) == [[1], [0], []])
        #expect(Contiguity.queen(shapes, tolerance: 0) == [[], [], []])
    }
}
