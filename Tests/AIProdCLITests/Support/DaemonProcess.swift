import Foundation
import AIProdTestSupport

/// `aiprod serve` as a child process, as systemd runs it: its stdout and stderr go to files in
/// the test's folder; ``start(config:in:)`` returns once it has printed the address it listens
/// on (the config asks for port 0: the system picks a free one). Waits sleep the task, never a
/// thread: a test that holds a cooperative thread for a minute starves every async test beside it.
final class DaemonProcess: @unchecked Sendable {
    let process: Process
    let baseURL: URL
    let stderrPath: String

    private init(process: Process, baseURL: URL, stderrPath: String) {
        self.process = process
        self.baseURL = baseURL
        self.stderrPath = stderrPath
    }

    enum Failure: Error, CustomStringConvertible {
        case binaryNotFound
        case didNotListen(String)
        var description: String {
            switch self {
            case .binaryNotFound: "the aiprod executable was not found next to the tests (build it, or set AIPROD_BINARY)"
            case .didNotListen(let detail): "aiprod serve did not print its address; \(detail)"
            }
        }
    }

    /// Starts the daemon; `run` numbers the log files of successive starts.
    static func start(config: String, in directory: ScratchDirectory, run: Int, timeout: Duration = .seconds(60)) async throws -> DaemonProcess {
        guard let path = AIProdBinary.path else { throw Failure.binaryNotFound }
        let stdoutPath = directory.file("serve-\(run).stdout"), stderrPath = directory.file("serve-\(run).stderr")
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["serve", "--config", config]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try process.run()
        let started = ContinuousClock.now
        let deadline = started + timeout
        while ContinuousClock.now < deadline, process.isRunning {
            if let url = address(stdoutPath: stdoutPath, stderrPath: stderrPath) {
                return DaemonProcess(process: process, baseURL: url, stderrPath: stderrPath)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // A sleep that overran the deadline (a starved test process) must not hide an address
        // printed meanwhile.
        if process.isRunning, let url = address(stdoutPath: stdoutPath, stderrPath: stderrPath) {
            return DaemonProcess(process: process, baseURL: url, stderrPath: stderrPath)
        }
        let running = process.isRunning
        if running { kill(process.processIdentifier, SIGKILL) }
        await Self.waitForExit(process)
        let stdout = String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
        throw Failure.didNotListen("""
            \(running ? "still running, killed" : "exited (\(process.terminationStatus))") after \(ContinuousClock.now - started)
            stdout: \(stdout)
            stderr: \(stderr)
            """)
    }

    /// The address the daemon prints on stdout (`listening on http://HOST:PORT`), or else the one
    /// in the server's own log line on stderr (`Server started and listening on HOST:PORT`): once
    /// in CI the stdout line never showed while the log line did, and the test should check the
    /// daemon's recovery, not race its output.
    private static func address(stdoutPath: String, stderrPath: String) -> URL? {
        let stdout = String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self)
        if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }) {
            return URL(string: String(line.dropFirst("listening on ".count)).trimmingCharacters(in: .whitespaces))
        }
        let stderr = String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
        let marker = "Server started and listening on "
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: marker) else { continue }
            let rest = line[range.upperBound...].prefix { $0 != "\"" && $0 != " " }
            if rest.contains(":"), !rest.hasSuffix(":") { return URL(string: "http://\(rest)") }
        }
        return nil
    }

    /// Sends `signal` and waits for the process to end.
    func stop(_ signal: Int32) async {
        if process.isRunning { kill(process.processIdentifier, signal) }
        await Self.waitForExit(process)
    }

    private static func waitForExit(_ process: Process) async {
        while process.isRunning {
            try? await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()  // reaped already: returns at once, and sets the termination status
    }

    var stderr: String {
        String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
    }
}
