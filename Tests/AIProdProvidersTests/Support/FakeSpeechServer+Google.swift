import AIProdCore
import Foundation
import Hummingbird

/// Google Cloud Text-to-Speech as its public docs describe it: `POST /v1/text:synthesize` with
/// `X-Goog-Api-Key`, answering `{"audioContent": base64}`, which for LINEAR16 is a WAV (header
/// included) at the asked `sampleRateHertz`. The speech is real (espeak-ng at another rate).
extension FakeSpeechServer {
    struct GoogleBody: Decodable {
        struct Input: Decodable { var text: String }
        struct Voice: Decodable { var languageCode: String; var name: String }
        struct AudioConfig: Decodable { var audioEncoding: String; var sampleRateHertz: Int? }
        var input: Input
        var voice: Voice
        var audioConfig: AudioConfig
    }

    static func googleRoute(_ router: Router<BasicRequestContext>, _ server: FakeProviderServer,
                            answer: (@Sendable (GoogleBody) async -> String)? = nil) {
        router.post("v1/text:synthesize") { request, _ -> Response in
            let received = try await server.remember(request)
            guard let body = try? JSONDecoder().decode(GoogleBody.self, from: received.body), body.audioConfig.audioEncoding == "LINEAR16" else {
                return FakeProviderServer.json(#"{"error": {"code": 400, "status": "INVALID_ARGUMENT"}}"#, status: .badRequest)
            }
            if let answer { return FakeProviderServer.json(await answer(body)) }
            let rate = body.audioConfig.sampleRateHertz == 24_000 ? 24_000 : 48_000
            let language: Language = body.voice.languageCode.hasPrefix("fr") ? .french : .english
            let wav = await blocking { (try? SpeechWAV.espeak(body.input.text, language: language, wordsPerMinute: 180, pitch: 70)).map { SpeechWAV.pcm16($0.samples, sampleRate: rate) } }
            guard let wav else { return FakeProviderServer.json("{}", status: .internalServerError) }
            return FakeProviderServer.json(#"{"audioContent": "\#(wav.base64EncodedString())"}"#)
        }
    }
}
