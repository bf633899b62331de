import AIProdCore
import CFFmpeg

/// Supplies a video clip's decoded frames from its in-point to its end, with the file's own
/// timestamps (the graph rebases them and converts the rate). The file is opened when the clip
/// is first needed and closed when it is done.
final class VideoFileFeeder {
    let path: String
    let startSeconds: Double
    let endSeconds: Double
    let limits: MediaLimits
    /// The buffer source's parameters, read from the stream header at set-up.
    let source: FilterGraph.Source
    private var decoder: StreamDecoder?
    private let frame = Frame()
    private var lastPTS: Int64 = 0
    private var closed = false

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
        let span = clip.outPoint.map { min($0 - clip.inPoint, clipDuration) } ?? clipDuration
        endSeconds = startSeconds + span.doubleValue
        var rate = stream.pointee.avg_frame_rate
        if rate.num <= 0 { rate = stream.pointee.r_frame_rate }
        let format = parameters.format >= 0 ? AVPixelFormat(rawValue: parameters.format) : AV_PIX_FMT_YUV420P
        source = .video(width: parameters.width, height: parameters.height, pixelFormat: format,
                        timeBase: stream.pointee.time_base, frameRate: rate, sampleAspect: parameters.sample_aspect_ratio)
    }

    /// Pushes the next frame in range, or closes the source; false once closed.
    func feed(_ graph: FilterGraph, source name: String) throws(MediaError) -> Bool {
        if closed { return false }
        if decoder == nil {
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
        }
        let decoder = decoder!
        let timeBase = decoder.timeBase
        let halfFrame = 0.5 * Double(frameDuration(timeBase))
        while try decoder.next(into: frame) {
            let pts = frame.pointer.pointee.best_effort_timestamp
            guard pts != LibAV.noPTS else { continue }
            let seconds = Double(pts) * Double(timeBase.num) / Double(timeBase.den)
            if seconds + halfFrame < startSeconds { continue }
            if seconds >= endSeconds { break }
            frame.pointer.pointee.pts = pts
            lastPTS = pts
            try graph.push(frame, to: name)
            return true
        }
        closed = true
        self.decoder = nil
        try graph.close(name, pts: lastPTS == Int64.max ? lastPTS : lastPTS + 1)
        return false
    }

    private func frameDuration(_ timeBase: AVRational) -> Double {
        guard case let .video(_, _, _, _, rate, _) = source, rate.num > 0 else { return 0 }
        return Double(rate.den) / Double(rate.num)
    }
}
