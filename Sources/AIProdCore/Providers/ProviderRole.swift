/// What a provider does for the studio: the stage chains of `[studio]` accept only providers of
/// their role (`planner` takes `llm`, `voice` takes `voice`, `visuals` takes `image` and `stock`,
/// `motion`, `effects` and `music` their own).
public enum ProviderRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Writes scripts from prompts and plans scripts into scenes.
    case llm
    /// Speaks a scene's narration.
    case voice
    /// Generates a still picture for a scene.
    case image
    /// Turns a scene's still into a moving clip.
    case motion
    /// Finds a photo or video clip for a scene in a stock library.
    case stock
    /// Finds a recorded sound effect for a cue.
    case effects
    /// Makes a piece of music for a mood.
    case music
}
