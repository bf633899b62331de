import AIProdCore
import CFFmpeg

/// Supplies a video clip's decoded frames from its in-point to its end, with the file's own
/// timestamps (the graph rebases them and converts the rate). The file is opened when the clip
/// is first needed and closed when it is done.
///
/// A looping clip (``VideoClip/loop``) opens the file again at the in-point each time its span
/// runs out, and shifts that pass's timestamps by the length of the passes before it (their
/// last frame's timestamp plus one frame, minus their first): the passes follow each other
/// frame-exactly, so a 1 s file at the output's rate repeats its frames one for one. The clip
/// graph's `trim` ends the clip; a looping feeder never closes on its own.
final class VideoFileFeeder {
    let path: String
    let startSeconds: Double
    let endSeconds: Double
    let limits: MediaLimits
    /// Whether the span starts again when it runs out.
    let loops: Bool
    /// The buffer source's parameters, read from the stream header at set-up.
    let source: FilterGraph.Source
    private var decoder: StreamDecoder?
    private let frame = Frame()
    private var lastPTS: Int64 = 0
    private var closed = false
    /// Added to the current pass's timestamps; checked arithmetic (timestamps come from the file).
    private var offset: Int64 = 0
    /// The current pass's first and last timestamps as read from the file.
    private var passFirst: Int64?
    private var passLast: Int64 = 0

    init(path: String, clip: VideoClip, clipDuration: Rational, limits: MediaLimits) throws(MediaError) {
        let input = try InputFile(path: path, limits: limits)
        guard let index = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw MediaError(.noStream, file: path, "has no video stream")
        }
        let stream = input.stream(index)
        let parameters = stream.pointee.codecpar.pointee
        guard parameters.width > 0, parameters.height > 0 else {
            throw MediaError(.notMedia, file: path, "video stream has no picture size")
        }
        if let duration = input.duration, clip.inPoint.doubleValue >= duration {
            throw MediaError(.invalidTimeline, file: path, "in_point \(clip.inPoint.doubleValue) s is past the end of the file (\(duration) s)")
        }
        self.path = path
        self.limits = limits
        startSeconds = clip.inPoint.doubleValue
        if clip.loop {
            // Each pass reads the whole span (to out_point or the file's end); the clip's trim
            // ends the clip. A span too short to loop sensibly holds its last frame instead.
            endSeconds = clip.outPoint.map(\.doubleValue) ?? .infinity
            let span = min(endSeconds, input.duration ?? .infinity) - startSeconds
            loops = span >= TimelineValidator.minLoopSpan.doubleValue
        } else {
            let span = clip.outPoint.map { min($0 - clip.inPoint, clipDuration) } ?? clipDuration
            endSeconds = startSeconds + span.doubleValue
            loops = false
        }
        var rate = stream.pointee.avg_frame_rate
        if rate.num <= 0 { rate = stream.pointee.r_frame_rate }
        let format = parameters.format >= 0 ? AVPixelFormat(rawValue: parameters.format) : AV_PIX_FMT_YUV420P
        source = .video(width: parameters.width, height: parameters.height, pixelFormat: format,
                        timeBase: stream.pointee.time_base, frameRate: rate, sampleAspect: parameters.sample_aspect_ratio)
    }

    /// Pushes the next frame in range, or closes the source; false once closed.
    func feed(_ graph: FilterGraph, source name: String) throws(MediaError) -> Bool {
        if closed { return false }
        // A pass that ends opens the next one (looping) once; a pass with no frame in range
        // ends the clip rather than spinning.
        for _ in 0..<2 {
            let decoder = try openedDecoder()
            let timeBase = decoder.timeBase
            let frameTicks = frameDuration(timeBase)
            while try decoder.next(into: frame) {
                let pts = frame.pointer.pointee.best_effort_timestamp
                guard pts != LibAV.noPTS else { continue }
                let seconds = Double(pts) * Double(timeBase.num) / Double(timeBase.den)
                if seconds + 0.5 * frameTicks * Double(timeBase.num) / Double(timeBase.den) < startSeconds { continue }
                if seconds >= endSeconds { break }
                if passFirst == nil { passFirst = pts }
                passLast = pts
                let (shifted, overflow) = pts.addingReportingOverflow(offset)
                guard !overflow else { throw MediaError(.invalidTimeline, file: path, "timestamps overflow while looping") }
                frame.pointer.pointee.pts = shifted
                lastPTS = shifted
                try graph.push(frame, to: name)
                return true
            }
            self.decoder = nil
            guard loops, let first = passFirst else { break }
            // The next pass starts one frame after this pass's last.
            let ticks = Int64(max(1, frameTicks.rounded()))
            let (length, lengthOverflow) = (passLast - first).addingReportingOverflow(ticks)
            let (next, nextOverflow) = offset.addingReportingOverflow(length)
            guard !lengthOverflow, !nextOverflow, length > 0 else {
                throw MediaError(.invalidTimeline, file: path, "timestamps overflow while looping")
            }
            offset = next
            passFirst = nil
        }
        closed = true
        decoder = nil
        try graph.close(name, pts: lastPTS == Int64.max ? lastPTS : lastPTS + 1)
        return false
    }

    /// How long one pass of a looping clip lasts, in seconds: from the in-point to the out-point,
    /// or to the end of the video stream (its own duration, else the container's). The sound of
    /// a looping clip starts again after exactly this long, so it stays with its pictures.
    static func loopSpan(path: String, clip: VideoClip, limits: MediaLimits) throws(MediaError) -> Double? {
        if let out = clip.outPoint { return (out - clip.inPoint).doubleValue }
        let input = try InputFile(path: path, limits: limits)
        var end = input.duration
        if let index = input.bestStream(AVMEDIA_TYPE_VIDEO) {
            let stream = input.stream(index).pointee
            if stream.duration != LibAV.noPTS, stream.duration > 0, stream.time_base.num > 0, stream.time_base.den > 0 {
                end = Double(stream.duration) * Double(stream.time_base.num) / Double(stream.time_base.den)
            }
        }
        guard let end, end.isFinite, end > clip.inPoint.doubleValue else { return nil }
        return end - clip.inPoint.doubleValue
    }

    /// The decoder of the current pass, opening the file at the in-point when there is none.
    private func openedDecoder() throws(MediaError) -> StreamDecoder {
        if let decoder { return decoder }
        let input = try InputFile(path: path, limits: limits)
        guard let index = input.bestStream(AVMEDIA_TYPE_VIDEO) else {
            throw MediaError(.noStream, file: path, "has no video stream")
        }
        let decoder = try StreamDecoder(input: input, streamIndex: index, threads: 2)
        if startSeconds > 0 {
            try input.seek(streamIndex: index, toSeconds: startSeconds)
            decoder.flushAfterSeek()
        }
        self.decoder = decoder
        return decoder
    }

    /// One frame's length in the stream's time base (0 when the rate is unknown).
    private func frameDuration(_ timeBase: AVRational) -> Double {
        guard case let .video(_, _, _, _, rate, _) = source, rate.num > 0, timeBase.num > 0 else { return 0 }
        return Double(rate.den) * Double(timeBase.den) / (Double(rate.num) * Double(timeBase.num))
    }
}
