import AIProdCore
import CFFmpeg

/// Converts 16-bit PCM at any rate (espeak-ng speaks at 22 050 Hz) to float at 48 kHz with
/// libswresample, keeping the channel count, and tells exactly where each input sample lands.
public enum PCMResampler {
    /// Resamples interleaved s16 to interleaved float at 48 kHz.
    public static func toFloat48k(_ samples: [Int16], sampleRate: Int, channels: Int = 1) throws(MediaError) -> [Float] {
        guard !samples.isEmpty else { return [] }
        let frame = Frame()
        let pointer = frame.pointer
        pointer.pointee.format = AV_SAMPLE_FMT_S16.rawValue
        pointer.pointee.sample_rate = Int32(sampleRate)
        pointer.pointee.nb_samples = Int32(samples.count / channels)
        pointer.pointee.ch_layout = channels == 1 ? aiprod_layout_mono() : aiprod_layout_stereo()
        guard av_frame_get_buffer(pointer, 0) >= 0 else { fatalError("av_frame_get_buffer: out of memory") }
        samples.withUnsafeBufferPointer { source in
            pointer.pointee.data.0!.withMemoryRebound(to: Int16.self, capacity: samples.count) {
                $0.update(from: source.baseAddress!, count: samples.count)
            }
        }
        // One frame holds the whole buffer: its output bound is the buffer's, not a decoded frame's.
        let resampler = try Resampler(from: frame, outputChannels: Int32(channels), outputRate: 48_000, limits: MediaLimits(), file: nil,
                                      maxOutputSamples: Int(Int32.max))
        var output: [Float] = []
        output.reserveCapacity(samples.count * 48_000 / sampleRate + 64)
        try resampler.convert(frame, appendingTo: &output)
        try resampler.convert(nil, appendingTo: &output)
        // Exactly the input's duration at 48 kHz (the filter's tail is trimmed or padded).
        let expected = Int((Int64(samples.count / channels) * 48_000 + Int64(sampleRate) / 2) / Int64(sampleRate)) * channels
        if output.count > expected { output.removeLast(output.count - expected) }
        if output.count < expected { output.append(contentsOf: repeatElement(0, count: expected - output.count)) }
        return output
    }

    /// The 48 kHz sample index of input sample `index` at `sampleRate`.
    public static func position48k(of index: Int64, sampleRate: Int) -> Int64 {
        (index * 48_000 + Int64(sampleRate) / 2) / Int64(sampleRate)
    }
}
