/// The storyboard a person reviews: the script cut into scenes, each with its mood, keywords,
/// sound cues and pacing. Deterministic: the same script, preset and seed give byte-identical JSON.
public struct Plan: Codable, Sendable, Hashable {
    public var version: Int
    public var title: String
    public var language: Language
    /// Things the planner assumed or could not do (an unknown language, a duration it could not reach).
    public var warnings: [String]
    public var preset: String
    public var seed: UInt64
    /// Words per minute the estimates assume (the voice's rate, times the pacing factor).
    public var wordsPerMinute: Int
    /// The requested total duration, if any.
    public var targetDuration: Rational?
    public var scenes: [PlannedScene]

    public init(
        version: Int = 1, title: String, language: Language, warnings: [String], preset: String, seed: UInt64,
        wordsPerMinute: Int, targetDuration: Rational?, scenes: [PlannedScene]
    ) {
        self.version = version
        self.title = title
        self.language = language
        self.warnings = warnings
        self.preset = preset
        self.seed = seed
        self.wordsPerMinute = wordsPerMinute
        self.targetDuration = targetDuration
        self.scenes = scenes
    }

    /// Planned length: the sum of scene durations.
    public var estimatedDuration: Rational { scenes.reduce(Rational.zero) { $0 + $1.duration } }
}
