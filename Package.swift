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
        .executableTarget(
            name: "aiprod",
            dependencies: [
                "AIProdCore",
                "AIProdMedia",
                "AIProdStudio",
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
        .target(name: "AIProdTestSupport", dependencies: ["AIProdMedia"], path: "Tests/AIProdTestSupport"),
        .testTarget(name: "AIProdStudioTests", dependencies: ["AIProdCore", "AIProdMedia", "AIProdStudio", "AIProdTestSupport"]),
        // Runs the built `aiprod` binary: exit codes, outputs, nothing half-written.
        .testTarget(name: "AIProdCLITests", dependencies: ["AIProdMedia", "AIProdTestSupport"]),
    ]
)
