/// One scene of a plan: what is said, what it is about, how it feels and sounds.
public struct PlannedScene: Codable, Sendable, Hashable {
    public var index: Int
    /// A heading for the scene's title card (the paragraph's `## heading`, or its first words).
    public var heading: String
    /// The sentences narrated, in order.
    public var sentences: [String]
    /// Content words, most relevant first (both languages' stop words removed).
    public var keywords: [String]
    public var mood: Mood
    public var soundCues: [SoundCue]
    /// The transition into this scene (ignored for the first).
    public var transition: TransitionKind
    /// Words narrated.
    public var wordCount: Int
    /// Estimated narration time at the voice's rate, seconds.
    public var speechSeconds: Rational
    /// Silence added after the narration to pace the scene, seconds.
    public var pauseSeconds: Rational
    /// What the scene could show, in words (an LLM planner's; the offline planner leaves it
    /// nil): what an image or stock provider is asked for.
    public var visual: String?

    public init(
        index: Int, heading: String, sentences: [String], keywords: [String], mood: Mood, soundCues: [SoundCue],
        transition: TransitionKind, wordCount: Int, speechSeconds: Rational, pauseSeconds: Rational, visual: String? = nil
    ) {
        self.visual = visual
        self.index = index
        self.heading = heading
        self.sentences = sentences
        self.keywords = keywords
        self.mood = mood
        self.soundCues = soundCues
        self.transition = transition
        self.wordCount = wordCount
        self.speechSeconds = speechSeconds
        self.pauseSeconds = pauseSeconds
    }

    /// The scene's planned length.
    public var duration: Rational { speechSeconds + pauseSeconds }

    /// The narration text.
    public var text: String { sentences.joined(separator: " ") }
}

extension PlannedScene {
    /// Integers through `decodeInteger`, so that `1e300` names its field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        index = try c.decodeInteger(Int.self, forKey: .index)
        heading = try c.decode(String.self, forKey: .heading)
        sentences = try c.decode([String].self, forKey: .sentences)
        keywords = try c.decode([String].self, forKey: .keywords)
        mood = try c.decode(Mood.self, forKey: .mood)
        soundCues = try c.decode([SoundCue].self, forKey: .soundCues)
        transition = try c.decode(TransitionKind.self, forKey: .transition)
        wordCount = try c.decodeInteger(Int.self, forKey: .wordCount)
        speechSeconds = try c.decode(Rational.self, forKey: .speechSeconds)
        pauseSeconds = try c.decode(Rational.self, forKey: .pauseSeconds)
        visual = try c.decodeIfPresent(String.self, forKey: .visual)
    }
}
