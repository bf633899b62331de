/// Checks a decoded ``Plan`` for what would trap or misbehave downstream: the narrator names
/// files after `index`, the director indexes words with `word_index` and adds up scene
/// durations into frames, titles and headings become text layers.
///
/// Errors are ``TimelineError``s (Core's one document error: codes and JSON field paths).
public struct PlanValidator: Sendable {
    /// Longest title or heading, in characters (they become text layers).
    public static let maxHeadingCharacters = TimelineValidator.maxTextCharacters
    /// Longest sentence, keyword, warning or preset name, in characters.
    public static let maxSentenceCharacters = 10_000
    public static let maxKeywordCharacters = 100
    public static let maxNameCharacters = 100
    /// Most sentences, keywords or sound cues in a scene, and warnings in a plan.
    public static let maxItems = 1_000
    /// Most words in a scene.
    public static let maxWordCount = 100_000
    /// Narration rates accepted, in words per minute.
    public static let wordsPerMinute = 1...1_000

    public var limits: DocumentLimits

    public init(limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
    }

    public func validate(_ plan: Plan) throws(TimelineError) {
        guard plan.version == 1 else {
            throw TimelineError(.unsupportedVersion, field: "version", "only version 1 is supported, got \(plan.version)")
        }
        guard !plan.scenes.isEmpty else { throw .invalid("scenes", "needs at least one scene") }
        guard plan.scenes.count <= limits.maxClips else {
            throw .invalid("scenes", "\(plan.scenes.count) scenes, over the limit of \(limits.maxClips) (max_clips in [limits])")
        }
        try requireText(plan.title, field: "title", max: Self.maxHeadingCharacters)
        try requireText(plan.preset, field: "preset", max: Self.maxNameCharacters)
        try requireCount(plan.warnings.count, field: "warnings")
        for (index, warning) in plan.warnings.enumerated() {
            try requireText(warning, field: "warnings[\(index)]", max: Self.maxSentenceCharacters)
        }
        guard Self.wordsPerMinute.contains(plan.wordsPerMinute) else {
            throw .invalid("words_per_minute", "must be \(Self.wordsPerMinute.lowerBound)…\(Self.wordsPerMinute.upperBound), got \(plan.wordsPerMinute)")
        }
        if let target = plan.targetDuration {
            guard target.isPositive, target <= TimelineValidator.maxDuration else {
                throw .invalid("target_duration", "must be > 0 and at most \(TimelineValidator.maxDuration) s, got \(target)")
            }
        }
        var total = Rational.zero
        for (index, scene) in plan.scenes.enumerated() {
            let path = "scenes[\(index)]"
            try validate(scene, index: index, path: path)
            guard let sum = total.adding(scene.duration), sum <= TimelineValidator.maxDuration else {
                throw .invalid("\(path).pause_seconds", "the scenes last over \(TimelineValidator.maxDuration) s in all")
            }
            total = sum
        }
    }

    func validate(_ scene: PlannedScene, index: Int, path: String) throws(TimelineError) {
        guard scene.index == index else {
            throw .invalid("\(path).index", "must be \(index) (its position in scenes), got \(scene.index)")
        }
        try requireText(scene.heading, field: "\(path).heading", max: Self.maxHeadingCharacters)
        try requireCount(scene.sentences.count, field: "\(path).sentences")
        for (sentence, text) in scene.sentences.enumerated() {
            try requireText(text, field: "\(path).sentences[\(sentence)]", max: Self.maxSentenceCharacters)
        }
        try requireCount(scene.keywords.count, field: "\(path).keywords")
        for (keyword, text) in scene.keywords.enumerated() {
            try requireText(text, field: "\(path).keywords[\(keyword)]", max: Self.maxKeywordCharacters)
        }
        guard (0...Self.maxWordCount).contains(scene.wordCount) else {
            throw .invalid("\(path).word_count", "must be 0…\(Self.maxWordCount), got \(scene.wordCount)")
        }
        try requireCount(scene.soundCues.count, field: "\(path).sound_cues")
        for (cue, soundCue) in scene.soundCues.enumerated() {
            let cuePath = "\(path).sound_cues[\(cue)]"
            guard (0...Self.maxWordCount).contains(soundCue.wordIndex) else {
                throw .invalid("\(cuePath).word_index", "must be 0…\(Self.maxWordCount), got \(soundCue.wordIndex)")
            }
            try requireText(soundCue.keyword, field: "\(cuePath).keyword", max: Self.maxKeywordCharacters)
        }
        for (name, value) in [("speech_seconds", scene.speechSeconds), ("pause_seconds", scene.pauseSeconds)] {
            guard !value.isNegative, value <= TimelineValidator.maxDuration else {
                throw .invalid("\(path).\(name)", "must be 0…\(TimelineValidator.maxDuration) s, got \(value)")
            }
        }
    }

    func requireCount(_ count: Int, field: String) throws(TimelineError) {
        guard count <= Self.maxItems else { throw .invalid(field, "\(count) items, over \(Self.maxItems)") }
    }

    /// No NUL, a bounded number of characters and bytes.
    func requireText(_ text: String, field: String, max: Int) throws(TimelineError) {
        guard !text.utf8.contains(0) else { throw .invalid(field, "must not contain NUL") }
        guard text.utf8.count <= max * 8, text.count <= max else { throw .invalid(field, "is over \(max) characters") }
    }
}
