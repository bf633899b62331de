import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// A cancel raised while a stage works reaches into that stage's loop: the run throws
/// `cancelled` for that very stage within ``CancelTiming/bound``, writes no manifest for it and
/// leaves none of its outputs. Earlier stages are run first, uncancelled, so the cancel lands
/// in the stage under test; the cancel comes from another thread a moment after it starts, or,
/// for a stage too quick for any fixed delay (narration in release: tens of milliseconds), at its
/// first progress report, with scenes still to do.
@Suite("Stage runner: cancel in every stage", .serialized, .oneRenderAtATime)
struct StageCancellationTests {
    /// A longer script (more speech, more cues, a longer piece of music), so each stage works
    /// long enough for the cancel to find it busy.
    static let script = """
    # Storm Over the Harbour

    The old bell rings over the quiet harbour while the rain falls on the grey sea and the wind blows through the empty streets of the town.

    Thunder rolls over the hills, the door bangs, the dog barks, and the crowd runs home through the rain before the storm breaks over the sea.

    At night the fire crackles in the old house, the clock ticks on the wall, and the sea breathes slowly on the stones below the window until dawn.
    """

    struct Case: Sendable, CustomTestStringConvertible {
        var stage: StageName
        /// From the stage's start to the cancel; nil: at the stage's first progress report.
        var delay: Duration?
        var testDescription: String {
            "\(stage.rawValue) (cancel \(delay.map { "\($0) after it starts" } ?? "at its first progress report"))"
        }
    }

    static let cases = [
        Case(stage: .narrate, delay: nil),
        Case(stage: .foley, delay: .milliseconds(20)),
        Case(stage: .score, delay: .milliseconds(20)),
        Case(stage: .render, delay: .milliseconds(300)),
        Case(stage: .qa, delay: .milliseconds(150)),
    ]

    @Test("cancelled within a second, in that stage, leaving nothing of it", arguments: cases)
    func cancelInStage(_ sample: Case) throws {
        let scratch = ScratchDirectory("cancel-\(sample.stage.rawValue)")
        let directory = PipelineFixture.directory(scratch)
        let runner = try PipelineFixture.runner()
        let spec = PipelineFixture.spec(Self.script)
        if let before = StageName.allCases.last(where: { $0 < sample.stage }) {
            try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: before)
        }
        let timing = CancelTiming()
        let log = StageLog()
        let running = WorkerThread.start { () throws(PipelineError) -> JobResult in
            var context = PipelineFixture.context(timing.cancellation)
            context.progress = { progress in
                if sample.delay == nil, progress.stage == sample.stage, progress.fraction > 0, progress.fraction < 1 { timing.cancel() }
            }
            return try runner.run(spec: spec, in: directory, context: context) { stage, event in
                log.record(stage, event)
                if stage == sample.stage, case .started = event, let delay = sample.delay { timing.cancel(after: delay) }
            }
        }
        let (result, ended) = running.join()
        switch result {
        case .success:
            Issue.record("the job finished despite the cancel in \(sample.stage)")
        case .failure(let error):
            #expect(error.category == .cancelled && error.errorCode == "cancelled", "\(error)")
            #expect(error.stage == sample.stage, "cancelled in \(error.stage.map(\.rawValue) ?? "?"), not in \(sample.stage)")
        }
        let latency = timing.latency(until: ended)
        #expect(latency.map { $0 < CancelTiming.bound } == true, "stopped \(latency.map { "\($0)" } ?? "?") after the cancel")
        #expect(!FileManager.default.fileExists(atPath: directory.manifest(sample.stage)))
        let files = PipelineFixture.files(under: directory.root)
        #expect(!files.contains { $0.contains(".partial") }, "partial files left: \(files)")
        let own: [StageName: (String) -> Bool] = [
            .narrate: { $0.hasPrefix("media/narration") }, .foley: { $0.hasPrefix("media/effect") || $0.contains(".foley") },
            .score: { $0 == "media/music.wav" }, .render: { $0 == "video.mp4" },
            .qa: { ["thumbnail.jpg", "subtitles.srt", "subtitles.vtt", "qa.json"].contains($0) },
        ]
        let left = files.filter { own[sample.stage]?($0) == true }
        #expect(left.isEmpty, "the cancelled stage left \(left)")
        // The stages before it are still finished: a resume starts at the cancelled one.
        for stage in StageName.allCases where stage < sample.stage {
            #expect(directory.finishedManifest(stage) != nil, "\(stage) should still be finished")
        }
    }
}
