import AIProdCore

extension AudioFileDecoder {
    /// The best audio stream of `path` as interleaved stereo 48 kHz float (a mono source on
    /// both channels at unity gain), at most its first `frames` frames: music is read for the
    /// length a video needs, so a library piece an hour long costs what the video uses, not an
    /// hour of memory. Opened with the engine's safe opening like ``mono48k(path:maxFrames:limits:cancellation:)``.
    /// Fewer frames than asked means the file ended there.
    public static func stereo48k(path: String, frames: Int, limits: MediaLimits,
                                 cancellation: RenderCancellation? = nil) throws(MediaError) -> [Float] {
        let reader = try AudioFileReader(path: path, channels: .stereo, limits: limits)
        var output: [Float] = []
        output.reserveCapacity(2 * min(max(frames, 0), 60 * 48_000))
        var block = [Float](repeating: 0, count: blockFrames * 2)
        while output.count / 2 < frames {
            if let cancellation { try cancellation.check() }
            let wanted = min(blockFrames, frames - output.count / 2)
            let read = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress!, frameCount: wanted)
            }
            if read == 0 { break }
            output.append(contentsOf: block[0..<(2 * read)])
        }
        return output
    }
}
