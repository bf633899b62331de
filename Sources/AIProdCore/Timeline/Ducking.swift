/// Lowers a music bed by `depth_db` while narration sounds, with smooth attack and release.
public struct Ducking: Codable, Sendable, Hashable {
    /// How far the music drops under the voice, in dB (positive: 12 means −12 dB).
    public var depthDb: Double
    /// Time to reach full depth, in seconds; the duck starts this much before the voice.
    public var attack: Rational
    /// Time to come back up after the voice stops, in seconds.
    public var release: Rational

    public init(depthDb: Double = 12, attack: Rational = Rational(1, 5), release: Rational = Rational(1, 2)) {
        self.depthDb = depthDb
        self.attack = attack
        self.release = release
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        depthDb = try c.decode(.depthDb, default: 12)
        attack = try c.decode(.attack, default: Rational(1, 5))
        release = try c.decode(.release, default: Rational(1, 2))
    }
}
