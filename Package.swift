// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "resilience",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "resilience", targets: ["Run"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        // The domain: values and rules, Foundation only.
        .target(name: "ResilienceCore"),
        // The server: database, HTTP, pages, API, commands.
        .target(
            name: "ResilienceApp",
            dependencies: [
                "ResilienceCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Resources/Localization"), .copy("Resources/Assets")]
        ),
        .executableTarget(name: "Run", dependencies: ["ResilienceApp"]),
        .testTarget(name: "ResilienceCoreTests", dependencies: ["ResilienceCore"]),
        .testTarget(
            name: "ResilienceAppTests",
            dependencies: [
                "ResilienceApp",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
