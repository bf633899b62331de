/// What a provider does for the studio: the stage chains of `[studio]` accept only providers of
/// their role (`planner` takes `llm`, `voice` takes `voice`).
public enum ProviderRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// Writes scripts from prompts and plans scripts into scenes.
    case llm
    /// Speaks a scene's narration.
    case voice
}
