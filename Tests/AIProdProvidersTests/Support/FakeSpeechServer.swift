import AIProdCore
import AIProdProviders
import Foundation
import Hummingbird

/// An OpenAI-compatible speech server on loopback (`POST /v1/audio/speech`, as Kokoro-FastAPI
/// serves it) that answers with REAL speech: espeak-ng reading the `input` at another rate and
/// pitch than aiprod's reference voice, after a little silence, as a 16-bit 24 kHz WAV (what
/// Kokoro sends). For the lead's end-to-end test (example scripts through a fake LLM and this
/// fake TTS must pass QA) and the voice tests.
///
/// Voices: a name starting `ff_` or containing `fr` speaks French, any other English.
/// `response_format` other than `wav`, or a body without `input` and `voice`, get a 400 as
/// the real servers answer.
enum FakeSpeechServer {
    static let englishVoice = "af_heart"
    static let frenchVoice = "ff_siwis"

    struct Body: Decodable {
        var model: String?
        var input: String
        var voice: String
        var response_format: String?
    }

    /// Adds the speech route to a ``FakeProviderServer``'s router.
    static func route(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer, wordsPerMinute: Int = 210, pitch: Int = 35) {
        router.post("v1/audio/speech") { request, _ -> Response in
            let received = try await server.remember(request)
            guard let body = try? JSONDecoder().decode(Body.self, from: received.body) else {
                return FakeProviderServer.json(#"{"error": {"message": "input and voice are required"}}"#, status: .badRequest)
            }
            guard (body.response_format ?? "mp3") == "wav" else {
                return FakeProviderServer.json(#"{"error": {"message": "this fake only speaks wav"}}"#, status: .badRequest)
            }
            let language: Language = body.voice.hasPrefix("ff_") || body.voice.contains("fr") ? .french : .english
            let wav = await blocking { () -> Data? in
                guard let spoken = try? SpeechWAV.espeak(body.input, language: language, wordsPerMinute: wordsPerMinute, pitch: pitch) else { return nil }
                return SpeechWAV.pcm16(spoken.samples)
            }
            guard let wav else { return FakeProviderServer.json(#"{"error": {"message": "cannot speak"}}"#, status: .internalServerError) }
            return FakeProviderServer.bytes(wav, contentType: "audio/wav")
        }
    }

    /// Runs the fake; `body` gets the server and the base URL to configure (`http://127.0.0.1:PORT/v1`).
    static func serving<T: Sendable>(wordsPerMinute: Int = 210, pitch: Int = 35,
                                     _ body: @Sendable (FakeProviderServer, String) async throws -> T) async throws -> T {
        try await FakeProviderServer.serving({ router, server in
            route(router, server, wordsPerMinute: wordsPerMinute, pitch: pitch)
        }) { server, base in
            try await body(server, base + "/v1")
        }
    }

    /// A `[provider.NAME]` of kind openai-speech for the fake at `url`, with a voice for both languages.
    static func config(_ url: String, name: String = "kokoro", usdPer1kUnits: Double = 0) -> ProviderConfig {
        var config = ProviderConfig(name: name, kind: .openAISpeech, url: url, model: "kokoro", usdPer1kUnits: usdPer1kUnits)
        config.voices = [.english: englishVoice, .french: frenchVoice]
        // A full parallel test run can keep the loopback server waiting for a thread for minutes.
        config.timeoutSeconds = 300
        return config
    }
}
