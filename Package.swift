// swift-tools-version:6.0
import PackageDescription

/// A source plugin lives in Plugins/<Name>/ and may depend only on the domain and the HTML layer.
func sourcePlugin(_ name: String) -> Target {
    .target(name: name, dependencies: ["ClaimCore", "HTMLKit"], path: "Plugins/\(name)")
}

/// A plugin's tests live in Tests/<Name>Tests/ with its fixtures under Fixtures/<plugin-id>/.
func sourcePluginTests(_ name: String) -> Target {
    .testTarget(name: "\(name)Tests", dependencies: [.target(name: name), "ClaimCore", "TestSupport"], resources: [.copy("Fixtures")])
}

/// Every plugin target; `PluginRegistry` lists the same types by hand and a test keeps the two in step.
let pluginNames = ["MacRumorsSource", "NineToFiveMacSource", "TomsHardwareSource", "HackerNewsSource", "GeekbenchSource", "GenericSource"]

let package = Package(
    name: "claimtrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "claimtrack", targets: ["claimtrack"]),
        .executable(name: "extraction-benchmark", targets: ["ExtractionBenchmark"]),
        .executable(name: "digest-benchmark", targets: ["DigestBenchmark"]),
        .executable(name: "reparse-benchmark", targets: ["ReparseBenchmark"]),
        .executable(name: "fetch-benchmark", targets: ["FetchBenchmark"]),
        .executable(name: "query-benchmark", targets: ["QueryBenchmark"]),
        .executable(name: "claimtrack-fuzz", targets: ["ClaimtrackFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "HTMLKit", dependencies: ["CLibXML2"]),
        .target(name: "ClaimCore", dependencies: ["HTMLKit"]),
        .target(name: "ClaimResolver", dependencies: ["ClaimCore"]),
        // The store: one set of operations over SQLite (GRDB, the default) or PostgreSQL (postgres-nio, for a team).
        .target(name: "ClaimStore", dependencies: [
            "ClaimCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // The archive: WARC files, what each capture is, reading them back; no network.
        .target(name: "ClaimArchive", dependencies: ["ClaimCore", "CZlib", .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "ClaimFetch", dependencies: [
            "ClaimCore", "ClaimArchive", "CZlib",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
        .target(name: "ClaimDigest", dependencies: ["ClaimCore", "ClaimResolver"]),
        // The read model: resolves what the store holds, never writes (listings open the store read-only).
        .target(name: "ClaimQuery", dependencies: ["ClaimCore", "ClaimStore", "ClaimResolver", "ClaimDigest"]),
        // The writer: fetch, archive, read, store, keep the run's resolution; holds the workspace lock.
        .target(name: "ClaimPipeline", dependencies: ["ClaimCore", "ClaimArchive", "ClaimFetch", "ClaimStore", "ClaimQuery", "PluginRegistry"]),
        .target(name: "PluginRegistry", dependencies: ["ClaimCore"] + pluginNames.map { .target(name: $0) }),
        // The command line: a thin executable over three libraries of commands.
        .target(name: "CommandSupport", dependencies: [
            "ClaimCore", "ClaimStore", "ClaimResolver", "PluginRegistry", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Listings and one-page tools: they read, never write the store, and do not link the writer.
        .target(name: "ReadCommands", dependencies: [
            "CommandSupport", "ClaimCore", "ClaimStore", "ClaimQuery", "ClaimResolver", "ClaimDigest", "ClaimArchive", "PluginRegistry",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // The commands that write the workspace, each under its lock.
        .target(name: "WriteCommands", dependencies: [
            "CommandSupport", "ClaimCore", "ClaimStore", "ClaimQuery", "ClaimResolver", "ClaimFetch", "ClaimPipeline", "PluginRegistry",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(
            name: "claimtrack",
            dependencies: ["ClaimCore", "CommandSupport", "ReadCommands", "WriteCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "ExtractionBenchmark", dependencies: ["ClaimCore", "HTMLKit", "PluginRegistry"],
                          path: "Benchmarks/ExtractionBenchmark"),
        .target(name: "BenchmarkSupport", path: "Benchmarks/BenchmarkSupport"),
        .executableTarget(name: "ReparseBenchmark", dependencies: ["BenchmarkSupport", "ClaimCore", "ClaimArchive", "ClaimPipeline", "ClaimStore"],
                          path: "Benchmarks/ReparseBenchmark"),
        .executableTarget(name: "QueryBenchmark", dependencies: ["BenchmarkSupport", "ClaimCore", "ClaimPipeline", "ClaimStore"],
                          path: "Benchmarks/QueryBenchmark"),
        .executableTarget(name: "FetchBenchmark", dependencies: ["BenchmarkSupport"], path: "Benchmarks/FetchBenchmark"),
        .executableTarget(name: "DigestBenchmark", dependencies: ["ClaimCore", "ClaimResolver", "ClaimDigest"],
                          path: "Benchmarks/DigestBenchmark"),
        // libFuzzer targets, built by Fuzz/run-fuzzers.sh with -sanitize=fuzzer; a plain build replays inputs.
        .executableTarget(name: "ClaimtrackFuzz", dependencies: ["HTMLKit", "ClaimCore", "ClaimArchive", "PluginRegistry"],
                          path: "Fuzz", exclude: ["run-fuzzers.sh", "Seeds", "Findings"]),
        .testTarget(name: "HTMLKitTests", dependencies: ["HTMLKit"]),
        .testTarget(name: "ClaimCoreTests", dependencies: ["ClaimCore", "HTMLKit"]),
        .testTarget(name: "ClaimResolverTests", dependencies: ["ClaimResolver"]),
        .testTarget(name: "ClaimStoreTests", dependencies: ["ClaimStore", "ClaimCore", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ClaimPipelineTests", dependencies: ["ClaimPipeline", "ClaimCore"]),
        .testTarget(name: "ClaimQueryTests", dependencies: ["ClaimQuery", "ClaimResolver", "ClaimStore", "ClaimCore"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ClaimArchiveTests", dependencies: ["ClaimArchive", "ClaimCore"]),
        .testTarget(name: "ClaimFetchTests", dependencies: ["ClaimFetch", "ClaimArchive", "ClaimCore", "PluginRegistry", "TestSupport"]),
        .testTarget(name: "ClaimDigestTests", dependencies: ["ClaimDigest"]),
        .testTarget(name: "PluginRegistryTests", dependencies: ["PluginRegistry"]),
        .testTarget(name: "RealPageTests", dependencies: ["PluginRegistry", "ClaimCore", "TestSupport"]),
        .testTarget(name: "claimtrackTests", dependencies: ["claimtrack", "TestSupport"], exclude: ["Golden"]),
    ] + pluginNames.map(sourcePlugin) + pluginNames.map(sourcePluginTests),
    swiftLanguageModes: [.v6]
)
