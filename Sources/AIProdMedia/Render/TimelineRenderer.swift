import AIProdCore
import CFFmpeg
import Foundation

/// Renders a ``Timeline`` to an MP4, in-process.
///
/// The soundtrack is mixed and measured first (to master it), then the video graph is pulled
/// frame by frame on the calling thread while a second thread encodes video and the mastered
/// audio and muxes them. Output goes to a temporary file beside the destination and is renamed
/// into place only when complete: a failed or cancelled render leaves nothing behind.
///
/// `render` blocks: call it from a dedicated thread, never from an event loop.
public struct TimelineRenderer: Sendable {
    public let timeline: Timeline
    public let resolver: AssetResolver

    /// The bounds the timeline is validated against (the `[limits]` it was decoded with).
    public let limits: DocumentLimits

    public init(timeline: Timeline, resolver: AssetResolver, limits: DocumentLimits = DocumentLimits()) {
        self.timeline = timeline
        self.resolver = resolver
        self.limits = limits
    }

    public func render(
        to destination: String,
        cancellation: RenderCancellation = RenderCancellation(),
        progress: @escaping @Sendable (RenderProgress) -> Void = { _ in }
    ) throws(MediaError) -> RenderResult {
        do {
            try TimelineValidator(limits: limits).validate(timeline)
        } catch {
            throw .timeline(error)
        }
        try Preflight(timeline: timeline, resolver: resolver).check()
        let schedule = TimelineSchedule(timeline)
        let total = schedule.totalFrames

        progress(RenderProgress(phase: .mastering, framesDone: 0, totalFrames: total))
        let soundtrack = try SoundtrackPlan(timeline: timeline, schedule: schedule, resolver: resolver)
        try cancellation.check()
        var target = timeline.output.loudness
        var decision = try AudioMaster(plan: soundtrack, target: target, cancellation: cancellation).decide()
        try cancellation.check()

        // AAC can overshoot the true peak mastered before it on sharp transients (sparse clicks
        // most of all). The encoded sound is measured; if it breaks the ceiling, the soundtrack
        // is mastered again with that much more headroom and the file encoded again (rare).
        let output = AtomicOutput(destination: destination)
        var written: Int64 = 0
        for attempt in 1...Self.encodeAttempts {
            let workspace = try RenderWorkspace()
            let composer = VideoComposer(timeline: timeline, schedule: schedule, resolver: resolver, workspace: workspace)
            do throws(MediaError) {
                written = try encode(composer: composer, soundtrack: soundtrack, decision: decision,
                                     to: output.temporaryPath, total: total, cancellation: cancellation, progress: progress)
                progress(RenderProgress(phase: .finishing, framesDone: written, totalFrames: total))
                let peak = try LoudnessMeter.measure(path: output.temporaryPath, cancellation: cancellation).0.truePeakDbtp
                if peak > timeline.output.loudness.truePeakDbtp, attempt < Self.encodeAttempts, decision.measuredBefore.integratedLufs > -69 {
                    output.discard()
                    target.truePeakDbtp -= peak - timeline.output.loudness.truePeakDbtp + 0.3
                    decision = try AudioMaster(plan: soundtrack, target: target, cancellation: cancellation).decide()
                    continue
                }
                try cancellation.check()
                try output.commit()
                break
            } catch {
                output.discard()
                throw error
            }
        }
        return RenderResult(path: destination, frames: written, samples: schedule.totalSamples, mastering: decision)
    }

    static let encodeAttempts = 3

    /// Composes and encodes the whole file once.
    private func encode(
        composer: VideoComposer, soundtrack: SoundtrackPlan,
        decision: MasteringDecision, to path: String, total: Int64, cancellation: RenderCancellation,
        progress: @escaping @Sendable (RenderProgress) -> Void
    ) throws(MediaError) -> Int64 {
        let writer = try MP4Writer(path: path, output: timeline.output)
        let audio = try MasteredAudio(plan: soundtrack, decision: decision)
        let encoding = EncodingThread(writer: writer, audio: audio, fps: timeline.output.fps)
        encoding.start()
        let written: Int64
        do throws(MediaError) {
            written = try compose(composer, total: total, channel: encoding.channel,
                                  cancellation: cancellation, progress: progress)
            encoding.channel.finish()
        } catch {
            encoding.channel.abandon()
            _ = encoding.join()
            throw error
        }
        if let failure = encoding.join() { throw failure }
        guard written == total else {
            throw MediaError(.filterFailed, "the video graph produced \(written) frames, the timeline has \(total)")
        }
        return written
    }

    /// Composes the frames and hands each to the encoder. Returns the number of frames produced.
    private func compose(
        _ composer: VideoComposer, total: Int64, channel: FrameChannel, cancellation: RenderCancellation,
        progress: @Sendable (RenderProgress) -> Void
    ) throws(MediaError) -> Int64 {
        var produced: Int64 = 0
        let step = max(total / 200, 1)
        try composer.compose(cancellation: cancellation) { frame throws(MediaError) in
            frame.pointer.pointee.pts = produced
            guard channel.send(frame.take()) else { return false }
            produced += 1
            if produced % step == 0 || produced == total {
                progress(RenderProgress(phase: .rendering, framesDone: produced, totalFrames: total))
            }
            return true
        }
        return produced
    }
}
