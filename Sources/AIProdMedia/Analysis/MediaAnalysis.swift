import CFFmpeg

/// Finds black and silent stretches in a rendered file with libavfilter's `blackdetect` and
/// `silencedetect`, for the QA gate.
public enum MediaAnalysis {
    /// Stretches of (nearly) black picture at least `minimumSeconds` long.
    public static func blackSpans(path: String, minimumSeconds: Double = 2, pixelThreshold: Double = 0.10, pictureThreshold: Double = 0.98) throws(MediaError) -> [TimeSpan] {
        let input = try InputFile(path: path)
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

    /// Stretches quieter than `thresholdDb` (dBFS) at least `minimumSeconds` long, within `range`
    /// of the file if given.
    public static func silentSpans(path: String, thresholdDb: Double = -50, minimumSeconds: Double = 3) throws(MediaError) -> [TimeSpan] {
        let reader = try AudioFileReader(path: path, channels: .stereo)
        let graph = try FilterGraph(
            description: "[in]silencedetect=n=\(thresholdDb)dB:d=\(minimumSeconds)[out]",
            sources: [("in", .audio(sampleRate: 48_000, format: AV_SAMPLE_FMT_FLT, channels: 2, timeBase: AVRational(num: 1, den: 48_000)))],
            sinks: [("out", .audio(format: AV_SAMPLE_FMT_FLT, sampleRate: 48_000, channels: 2, frameSize: nil))], threads: 1)
        var collector = SpanCollector(startKey: "lavfi.silence_start", endKey: "lavfi.silence_end")
        var block = [Float](repeating: 0, count: 4800 * 2)
        var position: Int64 = 0
        let output = Frame()
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress!, frameCount: 4800)
            }
            if frames == 0 { break }
            let frame = block.withUnsafeBufferPointer { Frame.audio(interleaved: UnsafeBufferPointer(rebasing: $0[0..<(frames * 2)]), channels: 2, pts: position) }
            position += Int64(frames)
            try graph.push(frame, to: "in")
            while try graph.pull(from: "out", into: output) == .frame { collector.read(output) }
        }
        try graph.close("in", pts: position)
        while try graph.pull(from: "out", into: output) == .frame { collector.read(output) }
        return collector.finish(at: Double(position) / 48_000, minimum: minimumSeconds)
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
