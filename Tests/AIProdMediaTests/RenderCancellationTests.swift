import AIProdCore
import AIProdMedia
import AIProdTestSupport
import Foundation
import Synchronization
import Testing

/// Cancelling a render in each of its phases — mastering the soundtrack, composing and
/// encoding frames, and finishing (measuring the encoded file's true peak, perhaps encoding
/// again) — throws `cancelled` within ``CancelTiming/bound`` of the cancel and leaves nothing in
/// the output directory. The timelines are long enough that each phase lasts seconds, so a
/// phase that ignored the cancel would miss the bound (or finish the file).
@Suite("Render cancellation by phase")
struct RenderCancellationTests {
    /// A colour card, with a looped tone under it if `music` (measured in a debug build on the
    /// shared test machine, 60 s of it: mastering ~14 s with the tone, ~2 s without; composing
    /// 120 frames of 64x36 ~1 s; finishing, the encoded sound measured, ~10 s).
    static func timeline(
        seconds: Int, fps: Int, width: Int = 160, height: Int = 90, music: Bool, in directory: ScratchDirectory
    ) throws -> Timeline {
        let tone = music ? try TestMedia.tone(in: directory, seconds: 2, amplitude: 0.5) : nil
        return Timeline(
            output: TestRender.output(width: width, height: height, fps: Rational(Int64(fps))),
            video: VideoTrack(clips: [TestRender.card(Rational(Int64(seconds)))]),
            audio: AudioTracks(music: tone.map { [MusicTrack(file: $0)] } ?? []))
    }

    /// Every progress report, with when it came.
    final class Reports: Sendable {
        private let list = Mutex<[(RenderProgress.Phase, ContinuousClock.Instant)]>([])
        func add(_ progress: RenderProgress) { list.withLock { $0.append((progress.phase, .now)) } }
        /// The phases reported before `instant`.
        func phases(before instant: ContinuousClock.Instant) -> [RenderProgress.Phase] {
            list.withLock { $0.filter { $0.1 < instant }.map(\.0) }
        }
    }

    /// Renders `timeline` into an empty `out/` on a thread of its own; `onProgress` sees every
    /// report and decides when to cancel.
    static func render(
        _ timeline: Timeline, in directory: ScratchDirectory, timing: CancelTiming, reports: Reports,
        onProgress: @escaping @Sendable (RenderProgress) -> Void
    ) async throws -> (result: Result<RenderResult, MediaError>, ended: ContinuousClock.Instant) {
        directory.makeDirectory("out")
        let renderer = TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path))
        let destination = directory.file("out/video.mp4")
        return await WorkerThread.run { () throws(MediaError) -> RenderResult in
            try renderer.render(to: destination, cancellation: timing.cancellation) { progress in
                reports.add(progress)
                onProgress(progress)
            }
        }
    }

    static func expectCancelled(
        _ outcome: (result: Result<RenderResult, MediaError>, ended: ContinuousClock.Instant), timing: CancelTiming,
        in directory: ScratchDirectory, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch outcome.result {
        case .success(let result):
            Issue.record("the render finished (\(result.frames) frames) despite the cancel", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.code == .cancelled, "\(error)", sourceLocation: sourceLocation)
        }
        let latency = timing.latency(until: outcome.ended)
        #expect(latency.map { $0 < CancelTiming.bound } == true,
                "stopped \(latency.map { "\($0)" } ?? "?") after the cancel", sourceLocation: sourceLocation)
        #expect(directory.contents(of: "out").isEmpty, "nothing left behind: \(directory.contents(of: "out"))", sourceLocation: sourceLocation)
    }

    @Test("cancelled while mastering the soundtrack")
    func mastering() async throws {
        let directory = ScratchDirectory()
        // A minute of music to mix and measure (seconds); 5 fps keeps the picture cheap.
        let timeline = try Self.timeline(seconds: 60, fps: 5, width: 64, height: 36, music: true, in: directory)
        let timing = CancelTiming(), reports = Reports()
        let outcome = try await Self.render(timeline, in: directory, timing: timing, reports: reports) { progress in
            // Inside the measurement, not before its first block.
            if progress.phase == .mastering { timing.cancel(after: .milliseconds(300)) }
        }
        Self.expectCancelled(outcome, timing: timing, in: directory)
        let before = timing.raisedAt.map(reports.phases(before:)) ?? []
        #expect(before == [.mastering], "the cancel came while mastering (reports before it: \(before))")
    }

    @Test("cancelled while composing and encoding frames")
    func rendering() async throws {
        let directory = ScratchDirectory()
        // 3 000 frames at 160x90 to compose and encode (seconds); no music, so mastering is short.
        let timeline = try Self.timeline(seconds: 60, fps: 50, music: false, in: directory)
        let timing = CancelTiming(), reports = Reports()
        let outcome = try await Self.render(timeline, in: directory, timing: timing, reports: reports) { progress in
            if progress.phase == .rendering, progress.framesDone >= 100 { timing.cancel() }
        }
        Self.expectCancelled(outcome, timing: timing, in: directory)
        let before = timing.raisedAt.map(reports.phases(before:)) ?? []
        #expect(before.last == .rendering && !before.contains(.finishing), "the cancel came while rendering: \(before)")
    }

    /// After the last frame the renderer measures the encoded file's true peak (and may
    /// re-encode): the measurement checks the cancellation every block, and the file is not
    /// committed once cancelled.
    @Test("cancelled while finishing: measuring the encoded file's true peak")
    func finishing() async throws {
        let directory = ScratchDirectory()
        // 30 s of sound to decode and measure after the last frame (seconds); 2 fps, 64x36 and
        // no music keep everything before it short.
        let timeline = try Self.timeline(seconds: 30, fps: 2, width: 64, height: 36, music: false, in: directory)
        let timing = CancelTiming(), reports = Reports()
        let outcome = try await Self.render(timeline, in: directory, timing: timing, reports: reports) { progress in
            if progress.phase == .finishing { timing.cancel() }
        }
        Self.expectCancelled(outcome, timing: timing, in: directory)
    }
}
