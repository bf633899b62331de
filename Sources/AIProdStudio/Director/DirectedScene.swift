import AIProdCore

/// What the director needs for one scene besides the plan: its narration (file, length, word
/// timings), the effects fetched for its sound cues (in cue order), and the picture the
/// visuals stage chose for it (nil: the director matches the job's assets itself, as the CLI's
/// dry runs do).
public struct DirectedScene: Sendable {
    public var narration: Narration
    public var effects: [SoundEffect]
    public var visual: SceneVisual?

    public init(narration: Narration, effects: [SoundEffect], visual: SceneVisual? = nil) {
        self.narration = narration
        self.effects = effects
        self.visual = visual
    }
}
