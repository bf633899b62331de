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

extension Plan {
    /// Integers through `decodeInteger`, so that `1e300` or a negative seed names its field.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decodeInteger(Int.self, forKey: .version)
        title = try c.decode(String.self, forKey: .title)
        language = try c.decode(Language.self, forKey: .language)
        warnings = try c.decode([String].self, forKey: .warnings)
        preset = try c.decode(String.self, forKey: .preset)
        seed = try c.decodeInteger(UInt64.self, forKey: .seed)
        wordsPerMinute = try c.decodeInteger(Int.self, forKey: .wordsPerMinute)
        targetDuration = try c.decodeIfPresent(Rational.self, forKey: .targetDuration)
        scenes = try c.decode([PlannedScene].self, forKey: .scenes)
    }
}
