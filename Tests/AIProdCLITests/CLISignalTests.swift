import Foundation
import Synchronization
import Testing
import AIProdTestSupport

/// Ctrl-C and SIGTERM during a render, without racing its end: the signal is sent only once
/// the CLI has reported that it is rendering, and the render is two minutes of frames long,
/// so it cannot finish first. The process must then exit 130 within ``exitBound`` of the
/// signal, having removed its partial file.
@Suite("aiprod command line: signals")
struct CLISignalTests {
    /// From the signal to the exit: the render stops at the next frame, the encoder thread is
    /// joined, the partial file removed.
    static let exitBound: Duration = .seconds(2)

    /// A grey card for 2 min at 64x36, 25 fps (3 000 frames), no sound: cheap per frame, too
    /// long to end before the signal lands.
    static let timeline = """
    {
      "version": 1,
      "output": { "width": 64, "height": 36, "fps": 25, "encoding": { "preset": "ultrafast" } },
      "video": { "clips": [ { "duration": 120, "color": { "color": "#808080" } } ] }
    }
    """

    @Test("Ctrl-C and SIGTERM once rendering has begun: exit 130 within 2 s, nothing left behind", arguments: [SIGINT, SIGTERM])
    func signalWhileRendering(_ signal: Int32) throws {
        let directory = ScratchDirectory()
        directory.makeDirectory("out")
        directory.write(Self.timeline, to: "timeline.json")
        let sent = Mutex<ContinuousClock.Instant?>(nil)
        let progressSeen = Mutex("")
        let outcome = try AIProdBinary.run(["render", "timeline.json", "-o", "out/video.mp4"], in: directory) { process, stderrPath in
            // stderr is a file, so progress comes as plain lines: "rendering 0% (15/3000 frames, …)".
            let deadline = ContinuousClock.now + .seconds(120)
            var text = ""
            while process.isRunning, ContinuousClock.now < deadline {
                text = String(decoding: FileManager.default.contents(atPath: stderrPath) ?? Data(), as: UTF8.self)
                if text.split(separator: "\n").contains(where: { $0.hasPrefix("rendering ") }) { break }
                Thread.sleep(forTimeInterval: 0.005)
            }
            progressSeen.withLock { $0 = text }
            guard process.isRunning, text.contains("rendering ") else {
                if process.isRunning { process.terminate() }
                return
            }
            sent.withLock { $0 = .now }
            kill(process.processIdentifier, signal)
        }
        let exited = ContinuousClock.now
        let signalled = try #require(sent.withLock { $0 }, "the signal was sent once rendering began (stderr: \(progressSeen.withLock { $0 }))")
        CLITests.expectCleanExit(outcome)
        #expect(outcome.status == 130, "stderr: \(outcome.stderr)")
        #expect(outcome.stderr.contains("error: cancelled: "), "stderr: \(outcome.stderr)")
        #expect(exited - signalled < Self.exitBound, "exited \(exited - signalled) after the signal")
        #expect(directory.contents(of: "out").isEmpty, "nothing left behind: \(directory.contents(of: "out"))")
        #expect(outcome.stdout.isEmpty, "no result printed: \(outcome.stdout)")
    }
}
