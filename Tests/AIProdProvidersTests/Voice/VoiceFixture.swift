import AIProdCore
import AIProdMedia
import AIProdProviders
import AIProdStudio
import AIProdTestSupport
import Foundation
import Logging

/// What the voice tests share: provider sections for the fakes, a blocking narrate from an
/// async test, and what the reference voice says the subtitle words are.
enum VoiceFixture {
    static let key = "voice-key-0123456789abcdef"
    static let english = "The lighthouse stood on Gull Rock for ninety years. Every night, the keeper climbed one hundred steps, lit the lamp, and watched the sea. Storms came often; ships passed safely."
    static let french = "Le phare se dressait sur le rocher depuis quatre-vingt-dix ans. Chaque nuit, le gardien montait les marches, allumait la lampe, et veillait sur la mer."

    static func config(_ kind: ProviderKind, url: String, name: String = "voice", retries: Int = 0, timeout: Double = 300,
                       maxBytes: Int? = nil, usdPer1kUnits: Double = 0.3, key: String? = VoiceFixture.key) -> ProviderConfig {
        var config = ProviderConfig(name: name, kind: kind, url: url, model: kind == .googleTTS ? "" : "model-1",
                                    key: key.map(ProviderKey.init), usdPer1kUnits: usdPer1kUnits)
        config.voices = kind == .googleTTS ? [.english: "en-US-Neural2-F", .french: "fr-FR-Neural2-A"] : [.english: "voice_en", .french: "voice_fr"]
        config.retries = retries
        config.timeoutSeconds = timeout
        if let maxBytes { config.maxResponseBytes = maxBytes }
        return config
    }

    static func voice(_ config: ProviderConfig, backoff: Double = 0.05) -> RemoteVoice {
        RemoteVoice(transport: ProviderTransport(config: config, backoffSeconds: backoff), reference: EspeakNarrator(), limits: Limits())
    }

    /// `voice.narrate` on a thread of its own.
    static func narrate(_ voice: RemoteVoice, _ text: String = english, language: Language = .english, to path: String, log: CallLog = CallLog(),
                        cache: ProviderCache? = nil, cancellation: RenderCancellation = RenderCancellation(),
                        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        async -> Result<Narration, ProviderError> {
        await blocking {
            let session = ProviderSession(stage: .narrate, cancellation: cancellation, cache: cache, logger: logger) { log.record($0) }
            do throws(ProviderError) {
                return .success(try voice.narrate(text, language: language, to: path, session: session))
            } catch {
                return .failure(error)
            }
        }
    }

    /// The subtitle words the offline voice gives for `text`.
    static func referenceWords(_ text: String = english, language: Language = .english, in scratch: ScratchDirectory) throws -> [String] {
        try EspeakNarrator().narrate(text, language: language, to: scratch.file("reference-\(UUID().uuidString).wav")).words.map(\.text)
    }

    /// The failure of `result`, or a recorded issue.
    static func failure(_ result: Result<Narration, ProviderError>) -> ProviderError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    /// What a narration promises: words in order, none empty or overlapping, within the audio.
    static func wellFormed(_ narration: Narration) -> Bool {
        var previous: Int64 = 0
        for word in narration.words {
            guard word.startSample >= previous, word.startSample < word.endSample, word.endSample <= narration.sampleCount else { return false }
            previous = word.endSample
        }
        return !narration.words.isEmpty
    }

    /// The WAV at `path` as aiprod reads it back: sample rate, channels, length in 48 kHz samples.
    static func probe(_ path: String) throws -> (rate: Int?, channels: Int?, samples: Int) {
        let probe = try MediaProbe(measureLoudness: false).probe(path)
        let audio = probe.stream("audio")
        let samples = try AudioFileDecoder.mono48k(path: path, maxFrames: 48_000 * 600, limits: MediaLimits())
        return (audio?.sampleRate, audio?.channels, samples.count)
    }
}
