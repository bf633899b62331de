import AIProdCore

extension OfflinePlanner {
    /// The script read as ``plan(_:preset:seed:targetDuration:)`` reads it, up to the point
    /// where it would choose scenes: title, language, paragraphs of sentences.
    /// - Throws: `StudioError` `.emptyScript` or `.scriptTooLong`, as `plan` does.
    public func outline(_ script: String) throws(StudioError) -> ScriptOutline {
        try validate(script)
        let lines = script.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.first == "\u{FEFF}" ? $0.dropFirst() : $0 }
        let titled = TitleExtractor().extract(from: lines)
        let detection = LanguageDetector.detect(script)
        let blocks = SceneGrouper(wordsPerMinute: wordsPerMinute, targetSeconds: targetSecondsPerScene).paragraphs(titled.body)
        guard !blocks.isEmpty else {
            throw StudioError(.emptyScript, "the script has only a title (\"\(titled.title)\"): no words to narrate")
        }
        return ScriptOutline(title: titled.title, language: detection.language, languageWarning: detection.warning,
                             paragraphs: blocks.map { ScriptOutline.Paragraph(heading: $0.heading, sentences: $0.sentences) })
    }

    /// A plan of `outline` cut into `scenes` chosen elsewhere: word counts, keywords, the
    /// preset's transition for each mood and the pacing to `targetDuration` derived exactly
    /// as for the offline planner's own scenes. The caller makes sure the scenes hold the
    /// outline's sentences, in order, each once.
    /// - Throws: `StudioError` `.invalidOption` for a target duration out of range.
    public func plan(_ outline: ScriptOutline, scenes: [SceneChoice], preset: Preset, seed: UInt64,
                     targetDuration: Rational?) throws(StudioError) -> Plan {
        if let targetDuration { try validate(targetDuration) }
        let sceneWords = scenes.map { WordTokenizer.words(in: $0.sentences).map(WordTokenizer.normalized) }
        let pacing = SpeechPacer(wordsPerMinute: wordsPerMinute).pace(
            zip(scenes, sceneWords).map { SpeechPacer.Scene(words: $1.count, sentences: $0.sentences.count) },
            target: targetDuration)
        let keywords = KeywordExtractor()
        let planned = scenes.indices.map { index in
            let scene = scenes[index], words = sceneWords[index]
            return PlannedScene(
                index: index, heading: scene.heading, sentences: scene.sentences,
                keywords: keywords.keywords(in: words, language: outline.language), mood: scene.mood,
                soundCues: scene.soundCues, transition: preset.transition(for: scene.mood), wordCount: words.count,
                speechSeconds: Rational(pacing.speechMilliseconds[index], 1000),
                pauseSeconds: Rational(pacing.pauseMilliseconds[index], 1000), visual: scene.visual)
        }
        return Plan(
            title: outline.title, language: outline.language,
            warnings: (outline.languageWarning.map { [$0] } ?? []) + pacing.warnings,
            preset: preset.name, seed: seed, wordsPerMinute: pacing.wordsPerMinute, targetDuration: targetDuration,
            scenes: planned)
    }

    /// Refuses a target duration the planner cannot pace to (0 s or less, over a day), as
    /// ``plan(_:preset:seed:targetDuration:)`` does.
    public func checkTargetDuration(_ target: Rational) throws(StudioError) {
        try validate(target)
    }
}
