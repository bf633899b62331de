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
        // Pure value types: Timeline, validation, subtitle formatting. No I/O, no C.
        .target(name: "AIProdCore"),
        // Everything libav: probe, decode, compose, mix, master, encode, mux.
        .target(
            name: "AIProdMedia",
            dependencies: ["AIProdCore", "CFFmpeg"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .executableTarget(
            name: "aiprod",
            dependencies: [
                "AIProdCore",
                "AIProdMedia",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AIProdCoreTests", dependencies: ["AIProdCore"]),
        .testTarget(name: "AIProdMediaTests", dependencies: ["AIProdCore", "AIProdMedia"]),
        // Runs the built `aiprod` binary: exit codes, outputs, nothing half-written.
        .testTarget(name: "AIProdCLITests", dependencies: ["AIProdMedia"]),
    ]
)
