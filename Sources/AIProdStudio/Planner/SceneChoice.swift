import AIProdCore

/// A scene someone other than the offline rules chose (an LLM planner): its sentences (the
/// script's own, contiguous), heading, mood, sound cues and what it could show. The offline
/// planner derives the rest (word counts, keywords, transition, pacing) the way it always does.
public struct SceneChoice: Sendable, Hashable {
    public var heading: String
    public var sentences: [String]
    public var mood: Mood
    /// Cues whose `wordIndex` counts the scene's words as ``ScriptText/words(in:)`` does.
    public var soundCues: [SoundCue]
    public var visual: String?

    public init(heading: String, sentences: [String], mood: Mood, soundCues: [SoundCue], visual: String?) {
        self.heading = heading
        self.sentences = sentences
        self.mood = mood
        self.soundCues = soundCues
        self.visual = visual
    }
}
