import AIProdCore
import CFFmpeg

/// Reads the best audio stream of any file libav understands as interleaved 48 kHz float,
/// mono or stereo, from a start time, in blocks of the caller's size.
///
/// Mono stays mono when `channels` is `.native` (loudness of a mono file is measured as mono);
/// with `.stereo`, a mono source is copied to both channels at unity gain.
final class AudioFileReader {
    enum Channels { case stereo, native }

    static let sampleRate: Int32 = 48_000

    let path: String
    /// Channels of what `read` returns.
    let channels: Int
    private let decoder: StreamDecoder
    private let decodeChannels: Int32
    private var resampler: Resampler?
    private let frame = Frame()
    private var pending: [Float] = []
    private var pendingOffset = 0
    private var samplesToDrop: Int
    private var finished = false
    private let startSeconds: Double
    private let limits: MediaLimits

    init(path: String, channels: Channels = .stereo, startSeconds: Double = 0, limits: MediaLimits = MediaLimits()) throws(MediaError) {
        let input = try InputFile(path: path, limits: limits)
        guard let stream = input.bestStream(AVMEDIA_TYPE_AUDIO) else {
            throw MediaError(.noStream, file: path, "has no audio stream")
        }
        decoder = try StreamDecoder(input: input, streamIndex: stream, threads: 1)
        self.path = path
        let sourceChannels = decoder.codec.pointee.ch_layout.nb_channels
        decodeChannels = sourceChannels == 1 ? 1 : 2
        self.channels = channels == .native ? Int(decodeChannels) : 2
        self.startSeconds = startSeconds
        self.limits = limits
        samplesToDrop = 0
        if startSeconds > 0 {
            try input.seek(streamIndex: stream, toSeconds: startSeconds)
            decoder.flushAfterSeek()
            samplesToDrop = -1  // decided from the first frame's timestamp
        }
    }

    /// Whether the file has an audio stream at all, without keeping it open.
    static func hasAudio(path: String, limits: MediaLimits = MediaLimits()) throws(MediaError) -> Bool {
        try InputFile(path: path, limits: limits).bestStream(AVMEDIA_TYPE_AUDIO) != nil
    }

    /// Fills up to `frameCount` frames (interleaved) into `buffer`; returns the frames written,
    /// fewer only at the end of the file.
    func read(into buffer: UnsafeMutablePointer<Float>, frameCount: Int) throws(MediaError) -> Int {
        var written = 0
        while written < frameCount {
            if pendingOffset >= pending.count {
                pending.removeAll(keepingCapacity: true)
                pendingOffset = 0
                guard try decodeMore() else { break }
                continue
            }
            let availableFrames = (pending.count - pendingOffset) / Int(decodeChannels)
            let take = min(availableFrames, frameCount - written)
            pending.withUnsafeBufferPointer { source in
                let from = source.baseAddress! + pendingOffset
                if decodeChannels == Int32(channels) {
                    (buffer + written * channels).update(from: from, count: take * channels)
                } else {
                    let destination = buffer + written * 2
                    for index in 0..<take {
                        destination[2 * index] = from[index]
                        destination[2 * index + 1] = from[index]
                    }
                }
            }
            pendingOffset += take * Int(decodeChannels)
            written += take
        }
        return written
    }

    /// Decodes and converts one more frame into `pending`; false at the end.
    private func decodeMore() throws(MediaError) -> Bool {
        if finished { return false }
        guard try decoder.next(into: frame) else {
            finished = true
            if let resampler { try resampler.convert(nil, appendingTo: &pending) }
            return !pending.isEmpty
        }
        // Layout, format or rate may change mid-stream (concatenated MP3s): a frame of another
        // shape gets a new resampler, after the old one has given back what it buffered.
        if let current = resampler, !current.accepts(frame) {
            try current.convert(nil, appendingTo: &pending)
            resampler = nil
        }
        if resampler == nil {
            resampler = try Resampler(from: frame, outputChannels: decodeChannels, outputRate: Self.sampleRate, limits: limits, file: path)
        }
        if samplesToDrop < 0 {
            let pts = frame.pointer.pointee.best_effort_timestamp
            if pts != LibAV.noPTS {
                let tb = decoder.timeBase
                let frameTime = Double(pts) * Double(tb.num) / Double(tb.den)
                let drop = ((startSeconds - frameTime) * Double(Self.sampleRate)).rounded()
                // The stamp and time base come from the file: only a finite, sane count is used.
                samplesToDrop = drop.isFinite ? Int(min(max(drop, 0), Double(Int32.max))) : 0
            } else {
                samplesToDrop = 0
            }
        }
        guard let resampler else { return false }
        try resampler.convert(frame, appendingTo: &pending)
        if samplesToDrop > 0 {
            let drop = min(samplesToDrop, pending.count / Int(decodeChannels))
            pendingOffset += drop * Int(decodeChannels)
            samplesToDrop -= drop
        }
        return true
    }
}
