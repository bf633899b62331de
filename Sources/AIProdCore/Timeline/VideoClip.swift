/// A span of a video file, from `in_point` for the clip's duration (or until `out_point`,
/// whichever is first). A span shorter than the clip holds its last frame, or with `loop`
/// starts again from `in_point` (frame-exact, the sound too) until the clip ends.
public struct VideoClip: Codable, Sendable, Hashable {
    public var file: String
    /// Where to start reading the file, in seconds.
    public var inPoint: Rational
    /// Where to stop reading the file, in seconds; nil means the clip's duration decides.
    public var outPoint: Rational?
    /// Whether the file's sound mixes into the soundtrack.
    public var audio: Bool
    /// Gain on the file's sound, in dB.
    public var gainDb: Double
    public var fit: Fit
    /// Whether a span shorter than the clip starts again from `in_point` rather than holding
    /// its last frame: a short stock or generated shot can fill a long scene without freezing.
    public var loop: Bool

    public init(
        file: String, inPoint: Rational = .zero, outPoint: Rational? = nil,
        audio: Bool = true, gainDb: Double = 0, fit: Fit = .cover, loop: Bool = false
    ) {
        self.file = file
        self.inPoint = inPoint
        self.outPoint = outPoint
        self.audio = audio
        self.gainDb = gainDb
        self.fit = fit
        self.loop = loop
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        inPoint = try c.decode(.inPoint, default: .zero)
        outPoint = try c.decodeIfPresent(Rational.self, forKey: .outPoint)
        audio = try c.decode(.audio, default: true)
        gainDb = try c.decode(.gainDb, default: 0)
        fit = try c.decode(.fit, default: .cover)
        loop = try c.decode(.loop, default: false)
    }
}
