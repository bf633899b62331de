import AIProdCore
import AIProdMedia

/// Something that speaks a scene's text: the local espeak-ng voice (``EspeakNarrator``) today,
/// a remote TTS service later. Whatever speaks, the result is the same contract, so the
/// Director and the subtitle builder never know which voice they got.
public protocol NarrationProvider: Sendable {
    /// Speaks `text` in `language` and writes a 48 kHz mono float WAV at `path`.
    ///
    /// The text is the script as written: the provider cleans it for speech (markup, emoji,
    /// URLs) and reports word timings whose `text` is the subtitle's wording. When
    /// `cancellation` is raised, the provider stops within a fraction of a second, whether it is
    /// speaking or still waiting for its turn, throws `cancelled` and leaves no file at `path`.
    /// `voice` names the provider's voice to use instead of its configured one for `language`
    /// (a job's `voice`); nil: the configured one.
    func narrate(_ text: String, language: Language, voice: String?, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Narration
}

extension NarrationProvider {
    /// Speaks `text` in the configured voice for `language`.
    public func narrate(_ text: String, language: Language, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Narration {
        try narrate(text, language: language, voice: nil, to: path, cancellation: cancellation)
    }

    /// Speaks `text` with no way to cancel it (benchmarks, tests).
    public func narrate(_ text: String, language: Language, to path: String) throws(StudioError) -> Narration {
        try narrate(text, language: language, to: path, cancellation: RenderCancellation())
    }
}
