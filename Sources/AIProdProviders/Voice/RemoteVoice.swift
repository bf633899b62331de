import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// One configured voice provider, whatever its kind (dispatches internally to one value type
/// per API: ``OpenAISpeechAPI``, ``ElevenLabsAPI``, ``GoogleTTSAPI``).
///
/// Every narration is also read by the local `reference` voice (espeak-ng, to a temporary file
/// that is removed): it names the subtitle words exactly as the offline voice would, bounds
/// how long the received audio may be, and, for APIs without timings, is what the words are
/// aligned from (``SpeechAligner``). Blocking: call it from the job's dedicated thread.
public struct RemoteVoice: Sendable {
    enum API: Sendable {
        case openAI(OpenAISpeechAPI)
        case elevenLabs(ElevenLabsAPI)
        case google(GoogleTTSAPI)
    }

    /// A reply may last this many times the reference reading, and at least ``minMaxSeconds``.
    static let maxLengthRatio = 20.0
    static let minMaxSeconds = 10.0
    /// A reply shorter than this fraction of the reference reading cannot hold the text.
    static let minLengthRatio = 0.1
    /// Character timings may run this far past the audio's end (seconds) before they are nonsense.
    static let alignmentSlackSeconds = 1.0

    let transport: ProviderTransport
    let reference: EspeakNarrator
    let limits: Limits
    let api: API?

    public init(transport: ProviderTransport, reference: EspeakNarrator, limits: Limits) {
        self.transport = transport
        self.reference = reference
        self.limits = limits
        let config = transport.config
        switch config.kind {
        case .openAISpeech: api = .openAI(OpenAISpeechAPI(model: config.model, key: config.key))
        case .elevenLabs: api = .elevenLabs(ElevenLabsAPI(model: config.model, key: config.key, maxAudioBytes: config.maxResponseBytes))
        case .googleTTS: api = .google(GoogleTTSAPI(key: config.key, maxAudioBytes: config.maxResponseBytes))
        default: api = nil
        }
    }

    public var name: String { transport.config.name }

    /// Speaks `text` (a scene's narration, as the script writes it) in `language` with the
    /// provider's voice for that language; writes a 48 kHz mono float WAV at `path` atomically
    /// (nothing left there on failure) and returns its Narration with `provider = name` and
    /// word timings whose `text`s are exactly the subtitle words EspeakNarrator would give
    /// for the same text. No voice configured for `language` → ProviderError(.unsupported).
    public func narrate(_ text: String, language: Language, to path: String,
                        session: ProviderSession) throws(ProviderError) -> Narration {
        switch api {
        case .openAI(let api): try narrate(text, language: language, to: path, session: session, with: api)
        case .elevenLabs(let api): try narrate(text, language: language, to: path, session: session, with: api)
        case .google(let api): try narrate(text, language: language, to: path, session: session, with: api)
        case nil: throw ProviderError(.unsupported, provider: name, "a \(transport.config.kind.rawValue) provider does not speak")
        }
    }

    /// The received audio and its character timings, once both were checked.
    struct Speech: Sendable {
        var samples: [Float]
        var alignment: CharacterAlignment?
    }

    func narrate<Remote: SpeechAPI>(_ text: String, language: Language, to path: String,
                                     session: ProviderSession, with remote: Remote) throws(ProviderError) -> Narration {
        let name = self.name
        guard let voice = transport.config.voices[language], !voice.isEmpty else {
            throw ProviderError(.unsupported, provider: name, "no voice configured for \(language.rawValue); set voice_\(language.rawValue) in [provider.\(name)]")
        }
        let speech = SpeechText(text)
        guard !speech.spoken.isEmpty else { throw ProviderError(.unsupported, provider: name, "nothing to speak in the text") }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let readAloud = try referenceReading(text, language: language, directory: directory, cancellation: session.cancellation)
        let referenceSeconds = Double(readAloud.sampleCount) / Double(Narration.sampleRate)
        let request = try remote.request(input: speech.spoken, voice: voice, language: language, transport: transport)
        let ingest = ReceivedAudio(provider: name, limits: limits.media, directory: directory)
        let received = try transport.exchange(request, purpose: "narrate", session: session, decode: { response throws(ProviderError) -> Speech in
            let reply = try remote.reply(response, input: speech.spoken, provider: name)
            let samples = try ingest.samples(reply.audio, maxSeconds: max(referenceSeconds * Self.maxLengthRatio, Self.minMaxSeconds),
                                             cancellation: session.cancellation)
            guard Double(samples.count) >= Double(readAloud.sampleCount) * Self.minLengthRatio else {
                throw ProviderError(.notAudio, provider: name, "the reply is too short to hold the text")
            }
            if let alignment = reply.alignment,
               alignment.lastEnd > Double(samples.count) / Double(Narration.sampleRate) + Self.alignmentSlackSeconds {
                throw ProviderError(.malformedReply, provider: name, "the character alignment runs past the end of the audio")
            }
            return Speech(samples: samples, alignment: reply.alignment)
        }, units: { _ in Double(speech.spoken.count) })
        let total = Int64(received.samples.count)
        var words: [WordTiming]?
        if let alignment = received.alignment {
            words = CharacterTimingMapper.words(reference: readAloud.words, speech: speech, alignment: alignment, totalSamples: total)
            if words == nil {
                session.logger.warning("voice alignment is not of the text sent; aligning to the audio instead", metadata: ["provider": "\(name)"])
            }
        }
        let timed = words ?? SpeechAligner.align(reference: readAloud.words, received: VoicedSpans(samples: received.samples), totalSamples: total)
        if session.cancellation.isCancelled { throw ProviderError(.cancelled, provider: name, "the job was cancelled") }
        do {
            try WAVFile.write(received.samples, channels: 1, to: path)
        } catch {
            throw ProviderError(.unsupported, provider: name, "cannot write the narration: \(error.message)")
        }
        return Narration(path: path, sampleCount: total, words: timed, provider: name)
    }

    /// The local voice's reading of `text`: its words (the subtitle's) and their timing.
    func referenceReading(_ text: String, language: Language, directory: String,
                          cancellation: RenderCancellation) throws(ProviderError) -> Narration {
        let file = "\(directory)/.voice-reference-\(UUID().uuidString.prefix(12).lowercased()).wav.partial"
        defer { unlink(file) }
        do {
            return try reference.narrate(text, language: language, to: file, cancellation: cancellation)
        } catch {
            if error.code == .cancelled { throw ProviderError(.cancelled, provider: name, "the job was cancelled") }
            throw ProviderError(.unsupported, provider: name, "the reference voice cannot read the text: \(error.message)")
        }
    }
}
