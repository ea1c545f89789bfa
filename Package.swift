// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "hulpatlas",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hulpatlas", targets: ["hulpatlas"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal",
                       providers: [.apt(["libgdal-dev"])]),
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        .target(name: "Geo", dependencies: ["CGDAL"]),
        .target(name: "LP", dependencies: ["CGLPK"]),
        .target(name: "Atlas"),
        .target(name: "Store", dependencies: ["Atlas", .product(name: "GRDB", package: "GRDB.swift"),
                                              .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                              .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Config", dependencies: ["Atlas", "TOMLKit"]),
        .target(name: "Ingest", dependencies: ["Atlas", "Geo", "Store", "Config"]),
        .target(name: "Reports", dependencies: ["Atlas", "Geo", "Config",
                                                .product(name: "CSV", package: "CSV.swift")]),
        .target(name: "Pipeline", dependencies: ["Atlas", "Geo", "Store", "Config", "Ingest", "Reports", "LP"]),
        .executableTarget(name: "hulpatlas", dependencies: [
            "Pipeline", "Config",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer target for the input parsers: `make fuzz` builds it with -sanitize=fuzzer and
        // -DFUZZING; in a normal build it is a stub that says so.
        .executableTarget(name: "hulpatlas-fuzz", dependencies: ["Atlas", "Config", "Ingest"], path: "Fuzz/Sources",
                          swiftSettings: [.unsafeFlags(["-parse-as-library"])]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LPTests", dependencies: ["LP"], path: "Tests/LPTests"),
        .testTarget(name: "GeoTests", dependencies: ["Geo", "TestSupport"], path: "Tests/GeoTests"),
        .testTarget(name: "AtlasTests", dependencies: ["Atlas"], path: "Tests/AtlasTests"),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Atlas"], path: "Tests/ConfigTests"),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Atlas", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
                    path: "Tests/StoreTests"),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Config", "Store", "Geo", "Atlas", "Reports", "TestSupport"],
                    path: "Tests/IngestTests"),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Store", "Atlas", "Geo", "TestSupport"],
                    path: "Tests/ReportsTests"),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "Ingest", "Config", "Store", "Atlas", "Geo", "Reports",
                                                   "TestSupport"],
                    path: "Tests/PipelineTests"),
        .testTarget(name: "EndToEndTests", dependencies: ["hulpatlas", "Atlas", "Geo", "Store", "TestSupport",
                                                    .product(name: "CSV", package: "CSV.swift")],
                    path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
