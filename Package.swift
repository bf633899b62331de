// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "aiprod",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aiprod", targets: ["aiprod"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // System library: the ffmpeg 5.1 libraries from Debian, plus a shim header for the
        // macros and variadic calls Swift cannot import.
        .systemLibrary(
            name: "CFFmpeg",
            path: "Sources/CFFmpeg",
            pkgConfig: "libavformat",
            providers: [.apt(["libavformat-dev", "libavcodec-dev", "libavfilter-dev", "libavutil-dev", "libswscale-dev", "libswresample-dev"])]
        ),
        .systemLibrary(name: "CEspeakNG", path: "Sources/CEspeakNG", providers: [.apt(["libespeak-ng-dev"])]),
        .systemLibrary(name: "CFluidSynth", path: "Sources/CFluidSynth", providers: [.apt(["libfluidsynth-dev"])]),
        // FreeType, to measure text with the font drawtext and libass will draw it with.
        .systemLibrary(name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        // Pure value types: Timeline, Plan, presets, config, validation, subtitle formatting. No I/O, no C.
        .target(name: "AIProdCore"),
        // Everything libav: probe, decode, compose, mix, master, encode, mux.
        .target(
            name: "AIProdMedia",
            dependencies: ["AIProdCore", "CFFmpeg", "CFreeType"]
        ),
        // The generative stages: planner, narrator (espeak-ng), composer (fluidsynth), foley,
        // director, QA gate.
        .target(
            name: "AIProdStudio",
            dependencies: ["AIProdCore", "AIProdMedia", "CEspeakNG", "CFluidSynth"]
        ),
        // SQLite (WAL) through GRDB: jobs, the durable queue, results, costs, tokens, audit log,
        // asset index; and the content-addressed asset folder. No libav, espeak or fluidsynth.
        .target(
            name: "AIProdStore",
            dependencies: [
                "AIProdCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Outbound HTTP over libcurl and the optional remote AI providers (LLM, voices), each a
        // stand-in for an offline engine of the studio.
        .target(
            name: "AIProdProviders",
            dependencies: [
                "AIProdCore", "AIProdMedia", "AIProdStudio",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The stage runner (one for the CLI and the daemon) and the worker pool.
        .target(
            name: "AIProdPipeline",
            dependencies: [
                "AIProdCore", "AIProdMedia", "AIProdStudio", "AIProdStore", "AIProdProviders",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The HTTP API (Hummingbird 2). Talks to the Store; hands work to the Pipeline through the queue.
        .target(
            name: "AIProdServer",
            dependencies: [
                "AIProdCore", "AIProdStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                // systemd: the watchdog and reload services, SIGHUP.
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(
            name: "aiprod",
            dependencies: [
                "AIProdCore",
                "AIProdMedia",
                "AIProdStudio",
                "AIProdStore",
                "AIProdPipeline",
                "AIProdServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer targets for every entry point that reads outside bytes (`make fuzz`, which
        // builds with `-D AIPROD_FUZZ` and `-sanitize=fuzzer,address`). In a plain build it is
        // the seed-corpus writer instead, so `swift build` stays clean on every configuration.
        .executableTarget(
            name: "AIProdFuzz",
            dependencies: ["AIProdCore", "AIProdMedia", "AIProdStudio"]
        ),
        .testTarget(name: "AIProdCoreTests", dependencies: ["AIProdCore"]),
        .testTarget(name: "AIProdMediaTests", dependencies: ["AIProdCore", "AIProdMedia", "AIProdTestSupport"]),
        // Helpers the test targets share: temporary folders, media made in-process.
        .target(name: "AIProdTestSupport", dependencies: ["AIProdMedia", .product(name: "Hummingbird", package: "hummingbird")],
                path: "Tests/AIProdTestSupport"),
        .testTarget(name: "AIProdStudioTests", dependencies: ["AIProdCore", "AIProdMedia", "AIProdStudio", "AIProdTestSupport"]),
        // Runs the built `aiprod` binary: exit codes, outputs, nothing half-written; the daemon's crash
        // test reads its SQLite file back through the store.
        .testTarget(name: "AIProdCLITests", dependencies: ["AIProdMedia", "AIProdStore", "AIProdTestSupport",
                                                        .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "AIProdStoreTests", dependencies: ["AIProdCore", "AIProdStore", "AIProdTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        // Hummingbird: the loopback receiver the webhook tests deliver to; ServiceLifecycle: the
        // worker pool runs in a ServiceGroup, as in the daemon.
        .testTarget(name: "AIProdPipelineTests", dependencies: ["AIProdCore", "AIProdMedia", "AIProdStudio", "AIProdStore", "AIProdPipeline", "AIProdProviders", "AIProdTestSupport",
                                                                .product(name: "Logging", package: "swift-log"),
                                                                .product(name: "Metrics", package: "swift-metrics"),
                                                                .product(name: "Prometheus", package: "swift-prometheus"),
                                                                .product(name: "Hummingbird", package: "hummingbird"),
                                                                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")]),
        // The providers against loopback servers that speak each remote API.
        .testTarget(name: "AIProdProvidersTests", dependencies: ["AIProdCore", "AIProdMedia", "AIProdStudio", "AIProdProviders", "AIProdPipeline", "AIProdTestSupport",
                                                                 .product(name: "Logging", package: "swift-log"),
                                                                 .product(name: "Hummingbird", package: "hummingbird")]),
        // Real HTTP on loopback against the built daemon and a real SQLite file.
        .testTarget(name: "AIProdServerTests", dependencies: ["AIProdCore", "AIProdStore", "AIProdPipeline", "AIProdProviders", "AIProdServer", "AIProdTestSupport",
                                                              .product(name: "Hummingbird", package: "hummingbird"),
                                                              .product(name: "Metrics", package: "swift-metrics"),
                                                              .product(name: "Prometheus", package: "swift-prometheus")]),
    ]
)
