/// The soundtrack besides the clips' own sound: narration, music beds and sound effects.
public struct AudioTracks: Codable, Sendable, Hashable {
    public var narration: [NarrationTrack]
    public var music: [MusicTrack]
    public var effects: [EffectTrack]

    public init(narration: [NarrationTrack] = [], music: [MusicTrack] = [], effects: [EffectTrack] = []) {
        self.narration = narration
        self.music = music
        self.effects = effects
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        narration = try c.decode(.narration, default: [])
        music = try c.decode(.music, default: [])
        effects = try c.decode(.effects, default: [])
    }
}
