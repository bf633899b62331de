import AIProdCore

/// Something that speaks a scene's text: the local espeak-ng voice (``EspeakNarrator``) today,
/// a remote TTS service later. Whatever speaks, the result is the same contract, so the
/// Director and the subtitle builder never know which voice they got.
public protocol NarrationProvider: Sendable {
    /// Speaks `text` in `language` and writes a 48 kHz mono float WAV at `path`.
    ///
    /// The text is the script as written: the provider cleans it for speech (markup, emoji,
    /// URLs) and reports word timings whose `text` is the subtitle's wording.
    func narrate(_ text: String, language: Language, to path: String) throws(StudioError) -> Narration
}
