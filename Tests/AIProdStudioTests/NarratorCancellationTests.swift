import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// Cancelling a narration: while espeak-ng speaks (its synth callback aborts), while the
/// narration waits for its turn behind another (it leaves the queue), and what espeak-ng does
/// next (the following narration is whole). Each must throw `cancelled` within
/// ``CancelTiming/bound`` of the cancel and leave no WAV.
@Suite("Narrator cancellation")
struct NarratorCancellationTests {
    /// About 70 min of speech: espeak-ng alone needs ~6 s for it on the test machine (measured:
    /// 0.32 s for 50 repetitions), so a synthesis that ignored the cancel would take seconds.
    static let longText = String(repeating: "The quick brown fox jumps over the lazy dog, and nobody minds at all. ", count: 1_000)

    // The tests watch and cancel from their own thread (`WorkerThread.poll`), never from the
    // cooperative pool: other tests' blocking work can hold it for seconds.

    @Test("a narration being spoken stops within a second of the cancel, leaving no WAV")
    func cancelWhileSpeaking() throws {
        let directory = try NarratorScratch()
        let path = directory.file("long.wav")
        let timing = CancelTiming()
        let running = WorkerThread.start { () throws(StudioError) in
            try EspeakNarrator().narrate(Self.longText, language: .english, to: path, cancellation: timing.cancellation)
        }
        // Inside espeak-ng (its turn taken), and a little way into the text.
        let speaking = WorkerThread.poll { EspeakEngine.turn.isHeld(by: timing.cancellation) }
        Thread.sleep(forTimeInterval: 0.05)
        timing.cancel()
        let (result, ended) = running.join()
        #expect(speaking, "the narration reached espeak-ng")
        Self.expectCancelled(result, timing: timing, ended: ended)
        #expect(!FileManager.default.fileExists(atPath: path), "no WAV written")
    }

    @Test("a narration queued behind another gives up its place within a second; the other speaks on")
    func cancelWhileWaiting() throws {
        let directory = try NarratorScratch()
        let first = CancelTiming(), second = CancelTiming()
        let long = WorkerThread.start { () throws(StudioError) in
            try EspeakNarrator().narrate(Self.longText, language: .english, to: directory.file("long.wav"), cancellation: first.cancellation)
        }
        #expect(WorkerThread.poll { EspeakEngine.turn.isHeld(by: first.cancellation) }, "the long narration is speaking")
        let queued = WorkerThread.start { () throws(StudioError) in
            try EspeakNarrator().narrate("Short and sweet.", language: .english, to: directory.file("short.wav"), cancellation: second.cancellation)
        }
        #expect(WorkerThread.poll { EspeakEngine.turn.isAwaited(by: second.cancellation) }, "the short one waits its turn")
        second.cancel()
        let (queuedResult, queuedEnded) = queued.join()
        Self.expectCancelled(queuedResult, timing: second, ended: queuedEnded)
        #expect(EspeakEngine.turn.isHeld(by: first.cancellation), "the long narration was still speaking when the queued one gave up")
        #expect(!FileManager.default.fileExists(atPath: directory.file("short.wav")))

        first.cancel()
        let (longResult, longEnded) = long.join()
        Self.expectCancelled(longResult, timing: first, ended: longEnded)
        #expect(!FileManager.default.fileExists(atPath: directory.file("long.wav")))
    }

    @Test("a narration already cancelled never reaches espeak-ng")
    func cancelledBeforehand() throws {
        let directory = try NarratorScratch()
        let cancellation = RenderCancellation()
        cancellation.cancel()
        do {
            let narration = try EspeakNarrator().narrate("Never spoken.", language: .english, to: directory.file("never.wav"), cancellation: cancellation)
            Issue.record("spoken despite the cancel: \(narration.duration.doubleValue) s")
        } catch {
            #expect(error.code == .cancelled, "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.file("never.wav")))
    }

    @Test("after an aborted synthesis espeak-ng speaks the next text whole")
    func wholeAfterAbort() throws {
        let directory = try NarratorScratch()
        let before = try EspeakNarrator().narrate(NarratorTests.english, language: .english, to: directory.file("before.wav"))
        let timing = CancelTiming()
        let aborted = WorkerThread.start { () throws(StudioError) in
            try EspeakNarrator().narrate(Self.longText, language: .english, to: directory.file("long.wav"), cancellation: timing.cancellation)
        }
        #expect(WorkerThread.poll { EspeakEngine.turn.isHeld(by: timing.cancellation) })
        Thread.sleep(forTimeInterval: 0.02)
        timing.cancel()
        let (result, ended) = aborted.join()
        Self.expectCancelled(result, timing: timing, ended: ended)

        let after = try EspeakNarrator().narrate(NarratorTests.english, language: .english, to: directory.file("after.wav"))
        NarrationComparison.expectSameSpeech(after, as: before)
    }

    static func expectCancelled(
        _ result: Result<Narration, StudioError>, timing: CancelTiming, ended: ContinuousClock.Instant,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch result {
        case .success(let narration):
            Issue.record("the narration finished (\(narration.duration.doubleValue) s) despite the cancel", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(error.code == .cancelled, "\(error)", sourceLocation: sourceLocation)
        }
        let latency = timing.latency(until: ended)
        #expect(latency.map { $0 < CancelTiming.bound } == true,
                "stopped \(latency.map { "\($0)" } ?? "?") after the cancel", sourceLocation: sourceLocation)
    }
}
