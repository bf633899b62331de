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
            case .didNotListen(let stderr): "aiprod serve did not print its address; stderr:\n\(stderr)"
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
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, process.isRunning {
            let text = String(decoding: FileManager.default.contents(atPath: stdoutPath) ?? Data(), as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
               let url = URL(string: String(line.dropFirst("listening on ".count)).trimmingCharacters(in: .whitespaces)) {
                return DaemonProcess(process: process, baseURL: url, stderrPath: stderrPath)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        await Self.waitForExit(process)
        throw Failure.didNotListen(String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self))
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
