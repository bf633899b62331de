/// A voice recording placed at `start` (seconds into the timeline). Music with `duck` set is
/// lowered wherever narration sounds.
public struct NarrationTrack: Codable, Sendable, Hashable {
    public var file: String
    public var start: Rational
    public var gainDb: Double

    public init(file: String, start: Rational = .zero, gainDb: Double = 0) {
        self.file = file
        self.start = start
        self.gainDb = gainDb
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        start = try c.decode(.start, default: .zero)
        gainDb = try c.decode(.gainDb, default: 0)
    }
}
