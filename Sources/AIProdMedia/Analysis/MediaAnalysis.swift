import AIProdCore
import CFFmpeg

/// Scans a rendered file for the QA gate: one decode of the picture (frames, damage, black
/// stretches with `blackdetect`) and one of the sound (loudness with `ebur128`, silent stretches
/// with `silencedetect`). Every scan checks its `cancellation` each frame or block: a
/// cancelled job's QA of a long file stops at once, with `cancelled`.
public enum MediaAnalysis {
    /// Decodes every frame; a decoding failure is reported in the scan, not thrown.
    public static func scanVideo(path: String, minimumBlackSeconds: Double = 2, cancellation: RenderCancellation? = nil) throws(MediaError) -> VideoScan {
        var frames: Int64 = 0
        do {
            let spans = try blackSpans(path: path, minimumSeconds: minimumBlackSeconds, cancellation: cancellation) { frames += 1 }
            return VideoScan(frames: frames, decodeError: nil, blackSpans: spans)
        } catch where error.code == .decodeFailed {
            return VideoScan(frames: frames, decodeError: error.description, blackSpans: [])
        }
    }

    /// Loudness and silent stretches (quieter than `silenceDb` dBFS for `minimumSilenceSeconds`).
    public static func scanAudio(
        path: String, silenceDb: Double = -50, minimumSilenceSeconds: Double = 3, cancellation: RenderCancellation? = nil
    ) throws(MediaError) -> AudioScan {
        var collector = SpanCollector(startKey: "lavfi.silence_start", endKey: "lavfi.silence_end")
        let (loudness, samples) = try LoudnessMeter.measure(
            path: path, suffix: "silencedetect=n=\(silenceDb)dB:d=\(minimumSilenceSeconds)", observer: { collector.read($0) },
            cancellation: cancellation)
        return AudioScan(samples: samples, loudness: loudness,
                         silentSpans: collector.finish(at: Double(samples) / 48_000, minimum: minimumSilenceSeconds))
    }

    /// Stretches of (nearly) black picture at least `minimumSeconds` long.
    public static func blackSpans(path: String, minimumSeconds: Double = 2, pixelThreshold: Double = 0.10, pictureThreshold: Double = 0.98,
                                  cancellation: RenderCancellation? = nil, eachFrame: () -> Void = {}) throws(MediaError) -> [TimeSpan] {
        let input = try InputFile(path: path, limits: MediaLimits())
        guard let index = input.bestStream(AVMEDIA_TYPE_VIDEO) else { return [] }
        let decoder = try StreamDecoder(input: input, streamIndex: index, threads: 0)
        let codec = decoder.codec.pointee
        let stream = input.stream(index).pointee
        let graph = try FilterGraph(
            description: "[in]blackdetect=d=\(minimumSeconds):pix_th=\(pixelThreshold):pic_th=\(pictureThreshold)[out]",
            sources: [("in", .video(width: codec.width, height: codec.height, pixelFormat: codec.pix_fmt, timeBase: stream.time_base,
                                    frameRate: stream.avg_frame_rate, sampleAspect: codec.sample_aspect_ratio))],
            sinks: [("out", .video(pixelFormat: codec.pix_fmt))], threads: 1)
        var collector = SpanCollector(startKey: "lavfi.black_start", endKey: "lavfi.black_end")
        let frame = Frame(), output = Frame()
        var lastTime = 0.0
        let timeBase = stream.time_base
        while try decoder.next(into: frame) {
            try cancellation?.check()
            if frame.pointer.pointee.decode_error_flags != 0 || frame.pointer.pointee.flags & AV_FRAME_FLAG_CORRUPT != 0 {
                throw MediaError(.decodeFailed, file: path, "corrupt frame after \(lastTime) s")
            }
            eachFrame()
            let pts = frame.pointer.pointee.best_effort_timestamp
            frame.pointer.pointee.pts = pts
            if pts != LibAV.noPTS { lastTime = Double(pts + 1) * Double(timeBase.num) / Double(timeBase.den) }
            try graph.push(frame, to: "in")
            while try graph.pull(from: "out", into: output) == .frame { collector.read(output) }
        }
        try graph.close("in", pts: Int64(lastTime * Double(timeBase.den) / Double(timeBase.num)))
        while try graph.pull(from: "out", into: output) == .frame { collector.read(output) }
        return collector.finish(at: input.duration ?? lastTime, minimum: minimumSeconds)
    }
}

/// Turns start/end metadata from a detect filter into spans; a span still open at the end of
/// the file ends there.
struct SpanCollector {
    let startKey: String
    let endKey: String
    private var open: Double?
    private var spans: [TimeSpan] = []

    init(startKey: String, endKey: String) {
        self.startKey = startKey
        self.endKey = endKey
    }

    mutating func read(_ frame: Frame) {
        if let start = frame.metadata(startKey).flatMap(Double.init) { open = start }
        if let end = frame.metadata(endKey).flatMap(Double.init) {
            spans.append(TimeSpan(start: open ?? 0, end: end))
            open = nil
        }
    }

    func finish(at end: Double, minimum: Double) -> [TimeSpan] {
        var result = spans
        if let open, end - open >= minimum { result.append(TimeSpan(start: open, end: end)) }
        return result
    }
}
