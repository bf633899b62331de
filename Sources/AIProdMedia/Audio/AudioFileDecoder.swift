import AIProdCore

/// Decodes a whole audio file to one channel of 48 kHz float: sound received from outside (a
/// remote voice's reply) read back the way the narrator's own WAVs are. The file is opened with
/// the engine's safe opening (local file, allow-listed demuxers, `[limits]` checked before
/// anything is allocated) and read in blocks, so a reply that declares or holds more than
/// `maxFrames` stops at the bound instead of filling memory.
public enum AudioFileDecoder {
    /// Frames read per block (100 ms).
    static let blockFrames = 4_800

    /// The best audio stream of `path` as mono 48 kHz float (a stereo source's channels
    /// averaged). Throws `noStream` when there is no sound, `overLimit` past `maxFrames`.
    public static func mono48k(path: String, maxFrames: Int, limits: MediaLimits,
                               cancellation: RenderCancellation? = nil) throws(MediaError) -> [Float] {
        let reader = try AudioFileReader(path: path, channels: .native, limits: limits)
        let channels = reader.channels
        var block = [Float](repeating: 0, count: blockFrames * channels)
        var output: [Float] = []
        while true {
            if let cancellation { try cancellation.check() }
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress!, frameCount: blockFrames)
            }
            if frames == 0 { break }
            guard frames <= maxFrames - output.count else {
                throw MediaError(.overLimit, file: path, "more than \(maxFrames) samples of sound at 48 kHz")
            }
            if channels == 1 {
                output.append(contentsOf: block[0..<frames])
            } else {
                for index in 0..<frames { output.append((block[2 * index] + block[2 * index + 1]) * 0.5) }
            }
        }
        return output
    }
}
