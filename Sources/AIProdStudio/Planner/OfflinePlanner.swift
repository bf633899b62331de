import AIProdCore

/// The planner that runs on the box: plain Swift rules, no model, no network, a few
/// milliseconds per script.
///
/// Script → title (``TitleExtractor``) → language (``LanguageDetector``) → scenes
/// (``SceneGrouper``, ``SentenceSegmenter``, ``SceneHeading``) → per scene keywords (``KeywordExtractor``),
/// mood (``MoodLexicon``), sound cues (``SoundCueLexicon``), the preset's transition for the
/// mood → durations (``SpeechPacer``). Every step is deterministic; the seed only settles ties
/// between equally-scored moods (see ``MoodLexicon``), so two seeds give plans that differ at
/// most in such scenes' `mood` and `transition`, and in the `seed` field itself.
public struct OfflinePlanner: ScriptPlanner {
    /// Longest script accepted, in characters (`max_script_characters`).
    public var maxScriptCharacters: Int
    /// The voice's speaking rate, words per minute, that durations are estimated at.
    public var wordsPerMinute: Int
    /// Seconds of speech a scene runs at most (unless one sentence is longer): longer
    /// paragraphs are split.
    public var targetSecondsPerScene: Int

    public init(config: StudioConfig = StudioConfig(), targetSecondsPerScene: Int = 12) {
        maxScriptCharacters = config.maxScriptCharacters
        wordsPerMinute = config.wordsPerMinute
        self.targetSecondsPerScene = max(1, targetSecondsPerScene)
    }

    /// Longest target duration accepted: a day.
    static let maxTargetSeconds = 86_400

    public func plan(_ script: String, preset: Preset, seed: UInt64, targetDuration: Rational?) throws(StudioError) -> Plan {
        try validate(script)
        if let targetDuration { try validate(targetDuration) }
        let lines = script.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.first == "\u{FEFF}" ? $0.dropFirst() : $0 }
        let titled = TitleExtractor().extract(from: lines)
        let detection = LanguageDetector.detect(script)
        let language = detection.language
        let blocks = SceneGrouper(wordsPerMinute: wordsPerMinute, targetSeconds: targetSecondsPerScene).group(titled.body)
        guard !blocks.isEmpty else {
            throw StudioError(.emptyScript, "the script has only a title (\"\(titled.title)\"): no words to narrate")
        }

        let sceneWords = blocks.map { WordTokenizer.words(in: $0.sentences).map(WordTokenizer.normalized) }
        let pacing = SpeechPacer(wordsPerMinute: wordsPerMinute).pace(
            zip(blocks, sceneWords).map { SpeechPacer.Scene(words: $1.count, sentences: $0.sentences.count) },
            target: targetDuration)

        let keywords = KeywordExtractor(), moods = MoodLexicon(), cues = SoundCueLexicon()
        let scenes = blocks.indices.map { index in
            let block = blocks[index], words = sceneWords[index]
            let mood = moods.mood(of: words, language: language, seed: seed, sceneIndex: index)
            return PlannedScene(
                index: index,
                heading: block.heading ?? SceneHeading(language: language).heading(from: block.sentences),
                sentences: block.sentences,
                keywords: keywords.keywords(in: words, language: language),
                mood: mood,
                soundCues: cues.cues(in: words, language: language),
                transition: preset.transition(for: mood),
                wordCount: words.count,
                speechSeconds: Rational(pacing.speechMilliseconds[index], 1000),
                pauseSeconds: Rational(pacing.pauseMilliseconds[index], 1000))
        }
        return Plan(
            title: titled.title, language: language, warnings: (detection.warning.map { [$0] } ?? []) + pacing.warnings,
            preset: preset.name, seed: seed, wordsPerMinute: pacing.wordsPerMinute, targetDuration: targetDuration,
            scenes: scenes)
    }

    /// Rejects a script over the size limit, or with nothing to say.
    func validate(_ script: String) throws(StudioError) {
        // Every character takes at least one UTF-8 byte: only count when the bytes could be over.
        if script.utf8.count > maxScriptCharacters {
            let count = script.count
            if count > maxScriptCharacters {
                throw StudioError(.scriptTooLong,
                    "the script has \(count) characters, over the limit of \(maxScriptCharacters) (max_script_characters in [studio])")
            }
        }
        guard !script.contains(where: { $0.isLetter || $0.isNumber }) else { return }
        if script.allSatisfy(\.isWhitespace) {
            throw StudioError(.emptyScript, "the script is empty: the script has no words to narrate")
        }
        throw StudioError(.emptyScript, "the script holds only punctuation: the script has no words to narrate")
    }

    func validate(_ target: Rational) throws(StudioError) {
        guard target.isPositive else {
            throw StudioError(.invalidOption, "the target duration must be more than 0 s, got \(target) s")
        }
        guard target.doubleValue <= Double(Self.maxTargetSeconds) else {
            throw StudioError(.invalidOption,
                "the target duration must be at most \(Self.maxTargetSeconds) s (a day), got \(target) s")
        }
    }
}
