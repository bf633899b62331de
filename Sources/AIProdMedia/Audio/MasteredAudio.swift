import Foundation
import CFFmpeg

/// The final soundtrack as the AAC encoder wants it: planar float frames of 1024 samples at
/// 48 kHz stereo, stamped in 1/48000 s, exactly `plan.totalSamples` long.
final class MasteredAudio {
    static let frameSize: Int32 = 1024

    private let mixer: SoundtrackMixer
    private let graph: FilterGraph
    private let totalSamples: Int64
    private var block = [Float](repeating: 0, count: 4096 * 2)
    private var fedSamples: Int64 = 0
    private var emittedSamples: Int64 = 0
    private var closed = false

    init(plan: SoundtrackPlan, decision: MasteringDecision) throws(MediaError) {
        mixer = try SoundtrackMixer(plan: plan)
        totalSamples = plan.totalSamples
        graph = try FilterGraph(
            description: "[in]\(decision.filterChain)[out]",
            sources: [("in", .audio(sampleRate: 48_000, format: AV_SAMPLE_FMT_FLT, channels: 2, timeBase: AVRational(num: 1, den: 48_000)))],
            sinks: [("out", .audio(format: AV_SAMPLE_FMT_FLTP, sampleRate: 48_000, channels: 2, frameSize: Self.frameSize))],
            threads: 1)
    }

    /// Samples handed out so far: the time the audio has reached.
    var position: Int64 { emittedSamples }
    var isFinished: Bool { emittedSamples >= totalSamples }

    /// The next frame (pts = its first sample), or nil when the soundtrack is complete.
    func next() throws(MediaError) -> Frame? {
        guard !isFinished else { return nil }
        let frame = Frame()
        while true {
            switch try graph.pull(from: "out", into: frame) {
            case .frame:
                return stamp(frame)
            case .finished:
                return padding()
            case .needsInput:
                try feed()
            }
        }
    }

    private func feed() throws(MediaError) {
        let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
            try mixer.render(into: buffer)
        }
        if frames == 0 {
            if !closed {
                closed = true
                try graph.close("in", pts: fedSamples)
            }
            return
        }
        let frame = block.withUnsafeBufferPointer { buffer in
            Frame.audio(interleaved: UnsafeBufferPointer(rebasing: buffer[0..<(frames * 2)]), channels: 2, pts: fedSamples)
        }
        fedSamples += Int64(frames)
        try graph.push(frame, to: "in")
    }

    /// Re-stamps a frame from the graph and cuts it at the end of the timeline.
    private func stamp(_ frame: Frame) -> Frame? {
        let remaining = totalSamples - emittedSamples
        if Int64(frame.pointer.pointee.nb_samples) > remaining {
            frame.pointer.pointee.nb_samples = Int32(remaining)
        }
        frame.pointer.pointee.pts = emittedSamples
        emittedSamples += Int64(frame.pointer.pointee.nb_samples)
        return frame
    }

    /// Silence to make up the exact length if the chain returned a few samples short.
    private func padding() -> Frame? {
        let remaining = totalSamples - emittedSamples
        guard remaining > 0 else { return nil }
        let count = Int(min(remaining, Int64(Self.frameSize)))
        let frame = Frame()
        let pointer = frame.pointer
        pointer.pointee.format = AV_SAMPLE_FMT_FLTP.rawValue
        pointer.pointee.sample_rate = 48_000
        pointer.pointee.nb_samples = Int32(count)
        pointer.pointee.ch_layout = aiprod_layout_stereo()
        guard av_frame_get_buffer(pointer, 0) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        for channel in 0..<2 {
            memset(pointer.pointee.extended_data[channel]!, 0, count * MemoryLayout<Float>.size)
        }
        return stamp(frame)
    }
}
