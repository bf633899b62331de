import AIProdCore
import AIProdMedia

/// The local voice: espeak-ng, one voice per language from `[studio]` (`voice_en`, `voice_fr`),
/// at the configured words per minute and pitch.
///
/// Each call cleans the text (``SpeechText``), synthesises it at 22 050 Hz under espeak-ng's
/// process-wide lock (``EspeakEngine``), aligns espeak-ng's word events to the subtitle's words
/// (``WordAligner``), resamples to 48 kHz float and writes the WAV atomically. Calls from
/// several threads are safe; they take turns inside espeak-ng, and a cancelled call leaves its
/// turn (or the queue for it) within a block of speech. Blocking: call it from a worker
/// thread, not from the cooperative pool.
public struct EspeakNarrator: NarrationProvider {
    public var config: StudioConfig

    public init(config: StudioConfig = StudioConfig()) {
        self.config = config
    }

    public func narrate(_ text: String, language: Language, voice: String?, to path: String, cancellation: RenderCancellation) throws(StudioError) -> Narration {
        guard let voice = voice ?? config.voices[language], !voice.isEmpty else {
            throw StudioError(.voiceMissing, "no espeak-ng voice configured for \(language.rawValue); set voice_\(language.rawValue) in [studio]")
        }
        let speech = SpeechText(text)
        guard !speech.spoken.isEmpty else {
            throw StudioError(.emptyScript, "nothing to speak: after removing markup, emoji and URLs the text is empty")
        }
        let synthesis = try EspeakEngine.synthesize(speech.spoken, voice: voice, wordsPerMinute: config.wordsPerMinute, pitch: config.pitch,
                                                     cancellation: cancellation)
        guard !synthesis.samples.isEmpty else {
            throw StudioError(.synthesisFailed, "espeak-ng voice \"\(voice)\" produced no audio for \"\(speech.spoken.prefix(60))\"")
        }
        let words = WordAligner.align(synthesis, text: speech)
        let audio: [Float]
        do {
            audio = try PCMResampler.toFloat48k(synthesis.samples, sampleRate: synthesis.sampleRate)
        } catch {
            throw StudioError.media(error)
        }
        // The last moment a cancel can keep the WAV from being written.
        if cancellation.isCancelled { throw StudioError(.cancelled, "narration cancelled") }
        do {
            try WAVFile.write(audio, channels: 1, to: path)
        } catch {
            throw StudioError.media(error)
        }
        return Narration(path: path, sampleCount: Int64(audio.count), words: words)
    }
}
