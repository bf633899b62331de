import Foundation
import Testing
import AIProdTestSupport

/// Runs the built `aiprod` executable as a user would.
enum AIProdBinary {
    /// The executable built beside this test bundle: SwiftPM puts every product of a build in one
    /// directory (`<scratch>/debug/`), so the running test binary's directory holds `aiprod`.
    /// `AIPROD_BINARY` overrides; as a last resort the package's `.build*/debug/aiprod` is used.
    static let path: String? = {
        let fileManager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["AIPROD_BINARY"] {
            return fileManager.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        var candidates: [String] = []
        for executable in [(try? fileManager.destinationOfSymbolicLink(atPath: "/proc/self/exe")), CommandLine.arguments.first, Bundle.main.executablePath] {
            guard let executable else { continue }
            let url = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
            candidates.append(url.deletingLastPathComponent().appendingPathComponent("aiprod").path)
            // macOS: …/debug/aiprodPackageTests.xctest/Contents/MacOS/aiprodPackageTests
            candidates.append(url.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("aiprod").path)
        }
        if let found = candidates.first(where: { fileManager.isExecutableFile(atPath: $0) && !isDirectory($0) }) { return found }
        // Walk up from this source file to the package root.
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let builds = ((try? fileManager.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasPrefix(".build") }.sorted()
                return builds.map { directory.appendingPathComponent($0).appendingPathComponent("debug/aiprod").path }
                    .first { fileManager.isExecutableFile(atPath: $0) }
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }()

    private static func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    struct Outcome: Sendable {
        var status: Int32
        /// `.exit` for a normal exit, `.uncaughtSignal` for a crash.
        var reason: Process.TerminationReason
        var stdout: String
        var stderr: String
    }

    /// `aiprod token create` with `config`: the new token's secret (what the daemon tests call
    /// the API with). Fails the test when the command does not print one.
    static func createToken(name: String, role: String, config: String, in directory: ScratchDirectory) throws -> String {
        let created = try run(["token", "create", "--name", name, "--role", role, "--config", config], in: directory)
        try #require(created.status == 0, "token create: \(created.stderr)")
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(token.hasPrefix("aip_"), "a secret on stdout: \(created.stdout)")
        return token
    }

    /// Runs `aiprod arguments…` in `directory`; stdout and stderr go to files (not a terminal).
    /// `whileRunning` is called once the process has started (to interrupt it, say);
    /// `environment` is laid over this process's.
    static func run(_ arguments: [String], in directory: ScratchDirectory, environment: [String: String] = [:],
                    whileRunning: ((Process, _ stderrPath: String) -> Void)? = nil) throws -> Outcome {
        guard let path else { throw CLIError.binaryNotFound }
        let name = UUID().uuidString.prefix(8)
        let stdoutPath = directory.file(".stdout-\(name)"), stderrPath = directory.file(".stderr-\(name)")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: stdoutPath)
            try? FileManager.default.removeItem(atPath: stderrPath)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        whileRunning?(process, stderrPath)
        process.waitUntilExit()
        let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Outcome(status: process.terminationStatus, reason: process.terminationReason, stdout: read(stdoutPath), stderr: read(stderrPath))
    }

    /// `aiprod token create --role admin` against `config`'s database: the token's secret.
    static func createToken(name: String, config: String, in directory: ScratchDirectory) throws -> String {
        let created = try run(["token", "create", "--name", name, "--role", "admin", "--config", config], in: directory)
        let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard created.status == 0, token.hasPrefix("aip_") else { throw CLIError.tokenNotCreated(created.stderr + created.stdout) }
        return token
    }

    enum CLIError: Error, CustomStringConvertible {
        case binaryNotFound
        case tokenNotCreated(String)
        var description: String {
            switch self {
            case .binaryNotFound: "the aiprod executable was not found next to the tests (build it, or set AIPROD_BINARY)"
            case .tokenNotCreated(let output): "aiprod token create failed: \(output)"
            }
        }
    }
}
