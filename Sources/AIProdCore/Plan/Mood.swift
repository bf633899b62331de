/// The feeling of a scene: picks its music, palette and transition.
public enum Mood: String, Codable, Sendable, Hashable, CaseIterable {
    case calm, uplifting, dramatic, tense, sad, playful, epic, mysterious
}
