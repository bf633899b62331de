import AIProdCore
import AIProdMedia
import AIProdTestSupport
import Foundation
import Testing

/// The QA scans (``MediaAnalysis``) stop within ``CancelTiming/bound`` of a cancel, with
/// `cancelled`: the picture's decode checks every frame, the sound's every block.
@Suite("Media analysis cancellation")
struct AnalysisCancellationTests {
    /// 20 s of grey picture and a tone: its sound takes seconds to scan in a debug build.
    static func file(in directory: ScratchDirectory) throws -> String {
        let path = directory.file("long.mp4")
        try SyntheticMedia().write(video: "color=c=gray:s=64x36:r=25:d=20", audio: "sine=f=330:d=20", to: path)
        return path
    }

    @Test("the picture's decode stops at the next frame after the cancel")
    func blackSpans() async throws {
        let directory = ScratchDirectory()
        let path = try Self.file(in: directory)
        let timing = CancelTiming()
        let frames = Counter()
        let (result, ended) = await WorkerThread.run { () throws(MediaError) -> [TimeSpan] in
            try MediaAnalysis.blackSpans(path: path, cancellation: timing.cancellation) {
                if frames.increment() == 25 { timing.cancel() }
            }
        }
        Self.expectCancelled(result, timing: timing, ended: ended)
        #expect(frames.value == 25, "no frame looked at after the cancel (saw \(frames.value) of 500)")
    }

    @Test("a cancelled video scan throws cancelled, not a scan reporting damage")
    func scanVideo() throws {
        let directory = ScratchDirectory()
        let path = try Self.file(in: directory)
        let cancellation = RenderCancellation()
        cancellation.cancel()
        do {
            let scan = try MediaAnalysis.scanVideo(path: path, cancellation: cancellation)
            Issue.record("scanned despite the cancel: \(scan)")
        } catch {
            #expect(error.code == .cancelled, "\(error)")
        }
    }

    @Test("the sound's scan (loudness and silences) stops within a second of the cancel")
    func scanAudio() async throws {
        let directory = ScratchDirectory()
        let path = try Self.file(in: directory)
        let timing = CancelTiming()
        timing.cancel(after: .milliseconds(50))
        let (result, ended) = await WorkerThread.run { () throws(MediaError) -> AudioScan in
            try MediaAnalysis.scanAudio(path: path, cancellation: timing.cancellation)
        }
        Self.expectCancelled(result, timing: timing, ended: ended)
    }

    static func expectCancelled<T>(
        _ result: Result<T, MediaError>, timing: CancelTiming, ended: ContinuousClock.Instant,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch result {
        case .success(let value):
            Issue.record("the scan finished despite the cancel: \(value)", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.code == .cancelled, "\(error)", sourceLocation: sourceLocation)
        }
        let latency = timing.latency(until: ended)
        #expect(latency.map { $0 < CancelTiming.bound } == true,
                "stopped \(latency.map { "\($0)" } ?? "?") after the cancel", sourceLocation: sourceLocation)
    }
}
