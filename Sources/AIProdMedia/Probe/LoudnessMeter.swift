import AIProdCore
import CFFmpeg

/// Measures loudness with libavfilter's `ebur128` (true peak on), fed block by block, so the
/// mastering step and the QA step share one implementation.
final class LoudnessMeter {
    private let graph: FilterGraph
    private let channels: Int
    private let output = Frame()
    private var pts: Int64 = 0
    private var integrated = -70.0
    private var range = 0.0
    private var peak = 0.0

    /// Sees every measured frame, for filters after the meter (`suffix`) that report through
    /// frame metadata too.
    var observer: ((Frame) -> Void)?

    /// - Parameters:
    ///   - prefix: filters applied before measuring (`volume=…,alimiter=…`), so a candidate
    ///     master can be measured without being stored.
    ///   - suffix: filters after the meter (`silencedetect=…`), so one decode serves both.
    init(channels: Int, prefix: String? = nil, suffix: String? = nil) throws(MediaError) {
        self.channels = channels
        let chain = [prefix, "ebur128=peak=true:metadata=1", suffix].compactMap { $0 }.joined(separator: ",")
        graph = try FilterGraph(
            description: "[in]\(chain)[out]",
            sources: [("in", .audio(sampleRate: 48_000, format: AV_SAMPLE_FMT_FLT, channels: Int32(channels), timeBase: AVRational(num: 1, den: 48_000)))],
            sinks: [("out", .audio(format: AV_SAMPLE_FMT_FLT, sampleRate: 48_000, channels: Int32(channels), frameSize: nil))],
            threads: 1)
    }

    /// Adds interleaved 48 kHz samples.
    func add(_ samples: UnsafeBufferPointer<Float>) throws(MediaError) {
        guard !samples.isEmpty else { return }
        let frame = Frame.audio(interleaved: samples, channels: channels, pts: pts)
        pts += Int64(samples.count / channels)
        try graph.push(frame, to: "in")
        try drain()
    }

    /// Ends the programme and returns its loudness.
    func finish() throws(MediaError) -> LoudnessMeasurement {
        try graph.close("in", pts: pts)
        try drain()
        let truePeak = peak > 0 ? 20 * log10(peak) : -144
        return LoudnessMeasurement(integratedLufs: integrated, truePeakDbtp: truePeak, loudnessRange: range)
    }

    private func drain() throws(MediaError) {
        while try graph.pull(from: "out", into: output) == .frame {
            observer?(output)
            if let value = output.metadata("lavfi.r128.I").flatMap(Double.init) { integrated = value }
            if let value = output.metadata("lavfi.r128.LRA").flatMap(Double.init) { range = value }
            if let value = output.metadata("lavfi.r128.true_peak").flatMap(Double.init) { peak = max(peak, value) }
        }
    }

    /// Measures the best audio stream of a file (mono measured as mono). `cancellation` is
    /// checked every block (0.1 s of sound), so a cancelled render's or QA's measurement of a
    /// long file stops at once instead of decoding it to the end.
    static func measure(
        path: String, limits: MediaLimits = MediaLimits(), suffix: String? = nil, observer: ((Frame) -> Void)? = nil,
        cancellation: RenderCancellation? = nil
    ) throws(MediaError) -> (LoudnessMeasurement, samples: Int64) {
        let reader = try AudioFileReader(path: path, channels: .native, limits: limits)
        let meter = try LoudnessMeter(channels: reader.channels, suffix: suffix)
        meter.observer = observer
        var samples: Int64 = 0
        var block = [Float](repeating: 0, count: 4800 * reader.channels)
        while true {
            try cancellation?.check()
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress!, frameCount: 4800)
            }
            if frames == 0 { break }
            samples += Int64(frames)
            try block.withUnsafeBufferPointer { buffer throws(MediaError) in
                try meter.add(UnsafeBufferPointer(rebasing: buffer[0..<(frames * reader.channels)]))
            }
        }
        return (try meter.finish(), samples)
    }
}
