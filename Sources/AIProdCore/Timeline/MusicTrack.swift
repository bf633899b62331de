/// A music bed from `start` to `end` (default: the end of the timeline), looped if the file is
/// shorter, faded in and out, optionally ducked under narration.
public struct MusicTrack: Codable, Sendable, Hashable {
    public var file: String
    public var start: Rational
    public var end: Rational?
    public var gainDb: Double
    public var fadeIn: Rational
    public var fadeOut: Rational
    public var loop: Bool
    public var duck: Ducking?

    public init(
        file: String, start: Rational = .zero, end: Rational? = nil, gainDb: Double = 0,
        fadeIn: Rational = .zero, fadeOut: Rational = .zero, loop: Bool = true, duck: Ducking? = nil
    ) {
        self.file = file
        self.start = start
        self.end = end
        self.gainDb = gainDb
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.loop = loop
        self.duck = duck
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        start = try c.decode(.start, default: .zero)
        end = try c.decodeIfPresent(Rational.self, forKey: .end)
        gainDb = try c.decode(.gainDb, default: 0)
        fadeIn = try c.decode(.fadeIn, default: .zero)
        fadeOut = try c.decode(.fadeOut, default: .zero)
        loop = try c.decode(.loop, default: true)
        duck = try c.decodeIfPresent(Ducking.self, forKey: .duck)
    }
}
