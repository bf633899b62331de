import AIProdTestSupport
import Foundation
import Testing

/// aiprod is offline unless a provider is configured: a whole script render (plan, espeak-ng,
/// foley, fluidsynth, libav, QA) with the default configuration makes no network socket. The
/// render runs under strace, which logs every socket the process and its threads create; any
/// address family other than AF_UNIX (local files such as nscd's) fails the test.
@Suite("No network without a provider")
struct NoNetworkTests {
    static let script = "The keeper climbs the stairs at dusk. The lamp turns over the calm sea, and the bell rings once."

    @Test("a complete render with no provider configured opens no network socket")
    func offlineRender() throws {
        let strace = try #require(["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                  "strace is needed (make deps installs it)")
        let binary = try #require(AIProdBinary.path, "the aiprod binary")
        let directory = ScratchDirectory()
        directory.write(Self.script, to: "script.txt")
        directory.makeDirectory("out")
        let trace = directory.file("trace.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-qq", "-e", "trace=execve,socket,socketpair,connect", "-o", trace,
                             binary, "render", "script.txt", "-o", "out/x.mp4", "--quiet"]
        process.currentDirectoryURL = URL(fileURLWithPath: directory.path)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the render under strace failed")
        #expect(FileManager.default.fileExists(atPath: directory.file("out/x.mp4")))
        let lines = String(decoding: FileManager.default.contents(atPath: trace) ?? Data(), as: UTF8.self).split(separator: "\n")
        // strace did trace: it logged the binary's own execve (so an empty list below means none).
        #expect(lines.contains { $0.contains("execve(\"\(binary)\"") }, "strace logged nothing: \(lines.prefix(5))")
        let network = lines.filter { line in
            (line.contains("socket(") || line.contains("socketpair(")) && !line.contains("AF_UNIX")
                || line.contains("connect(") && !line.contains("sa_family=AF_UNIX")
        }
        #expect(network.isEmpty, "network sockets: \(network.joined(separator: "\n"))")
    }
}
