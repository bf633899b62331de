/// What the render produces. Audio is always 48 kHz stereo AAC; video H.264 yuv420p in MP4.
public struct OutputSettings: Codable, Sendable, Hashable {
    public static let sampleRate = 48_000
    public static let channels = 2

    public var width: Int
    public var height: Int
    /// Frames per second, exact (`30`, `25`, `"30000/1001"`).
    public var fps: Rational
    public var loudness: LoudnessTarget
    /// Colour behind letterboxed media.
    public var background: RGBAColor
    public var encoding: EncodingSettings

    public init(
        width: Int, height: Int, fps: Rational, loudness: LoudnessTarget = LoudnessTarget(),
        background: RGBAColor = .black, encoding: EncodingSettings = EncodingSettings()
    ) {
        self.width = width
        self.height = height
        self.fps = fps
        self.loudness = loudness
        self.background = background
        self.encoding = encoding
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        width = try c.decodeInteger(Int.self, forKey: .width)
        height = try c.decodeInteger(Int.self, forKey: .height)
        fps = try c.decode(Rational.self, forKey: .fps)
        loudness = try c.decode(.loudness, default: LoudnessTarget())
        background = try c.decode(.background, default: .black)
        encoding = try c.decode(.encoding, default: EncodingSettings())
    }
}
