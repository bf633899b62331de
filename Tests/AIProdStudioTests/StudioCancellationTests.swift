import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// Cancelling the QA gate: `cancelled` within ``CancelTiming/bound``, never a failed QA report.
/// (The stage runner's cancellation, stage by stage, is tested in AIProdPipelineTests.)
@Suite("Studio cancellation")
struct StudioCancellationTests {
    /// 20 s of grey picture and a tone, with the timeline that asks for it.
    static func video(in directory: ScratchDirectory) throws -> (String, QAExpectations) {
        let path = directory.file("long.mp4")
        try SyntheticMedia().write(video: "color=c=gray:s=64x36:r=25:d=20", audio: "sine=f=330:d=20", to: path)
        let timeline = Timeline(
            output: OutputSettings(width: 64, height: 36, fps: Rational(25), encoding: EncodingSettings(preset: "ultrafast")),
            video: VideoTrack(clips: [Clip(duration: Rational(20), content: .color(ColorCard(color: RGBAColor(red: 128, green: 128, blue: 128))))]))
        return (path, QAExpectations(timeline: timeline))
    }

    @Test("the QA gate stops its decode within a second of the cancel and throws cancelled")
    func qaGate() async throws {
        let directory = ScratchDirectory()
        let (path, expected) = try Self.video(in: directory)
        let timing = CancelTiming()
        timing.cancel(after: .milliseconds(50))
        let (result, ended) = await WorkerThread.run { () throws(StudioError) -> QAReport in
            try QAGate().check(path, expecting: expected, cancellation: timing.cancellation)
        }
        switch result {
        case .success(let report):
            Issue.record("QA finished despite the cancel: \(report.checks.map(\.name))")
        case .failure(let error):
            #expect(error.code == .cancelled, "\(error)")
        }
        let latency = timing.latency(until: ended)
        #expect(latency.map { $0 < CancelTiming.bound } == true, "stopped \(latency.map { "\($0)" } ?? "?") after the cancel")
    }

    @Test("a cancelled QA is an error, not a failed report")
    func qaGateCancelledBeforehand() throws {
        let directory = ScratchDirectory()
        let (path, expected) = try Self.video(in: directory)
        let cancellation = RenderCancellation()
        cancellation.cancel()
        do {
            let report = try QAGate().check(path, expecting: expected, cancellation: cancellation)
            Issue.record("QA reported despite the cancel: \(report.failures)")
        } catch {
            #expect(error.code == .cancelled, "\(error)")
        }
    }
}
