import AIProdCore

/// A narration written to disk: a 48 kHz mono float WAV at `path` and when each of its words
/// is heard. Word timings are in order, never overlap, and lie within `0...sampleCount`.
public struct Narration: Codable, Sendable, Hashable {
    /// The rate of `sampleCount` and of every word timing.
    public static let sampleRate = 48_000

    public var path: String
    /// The WAV's length in 48 kHz samples.
    public var sampleCount: Int64
    public var words: [WordTiming]
    /// The `[provider.NAME]` that spoke it; nil: the offline voice (espeak-ng).
    public var provider: String?

    public init(path: String, sampleCount: Int64, words: [WordTiming], provider: String? = nil) {
        self.provider = provider
        self.path = path
        self.sampleCount = sampleCount
        self.words = words
    }

    /// The narration's length, exactly.
    public var duration: Rational { Rational(sampleCount, Int64(Self.sampleRate)) }
}
