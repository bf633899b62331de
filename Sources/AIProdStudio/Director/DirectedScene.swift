import AIProdCore

/// What the director needs for one scene besides the plan: its narration (file, length, word
/// timings) and the effects fetched for its sound cues (in cue order).
public struct DirectedScene: Sendable {
    public var narration: Narration
    public var effects: [SoundEffect]

    public init(narration: Narration, effects: [SoundEffect]) {
        self.narration = narration
        self.effects = effects
    }
}
