import AIProdCore
import Foundation

/// Google Cloud Text-to-Speech (`POST {url}/v1/text:synthesize`, key in `X-Goog-Api-Key`):
/// JSON out, `audioContent` in base64 — LINEAR16 at 48 kHz, which Google wraps in a WAV
/// header. It gives no timings, so ``RemoteVoice`` aligns the words itself.
struct GoogleTTSAPI: SpeechAPI {
    struct Body: Encodable {
        struct Input: Encodable { var text: String }
        struct Voice: Encodable {
            var languageCode: String
            var name: String
        }
        struct AudioConfig: Encodable {
            var audioEncoding = "LINEAR16"
            var sampleRateHertz = 48_000
        }
        var input: Input
        var voice: Voice
        var audioConfig = AudioConfig()
    }

    struct Reply: Decodable {
        var audioContent: String
    }

    var key: ProviderKey?
    var maxAudioBytes: Int

    func request(input: String, voice: String, language: Language, transport: ProviderTransport) throws(ProviderError) -> HTTPClientRequest {
        var headers = ["Content-Type": "application/json; charset=utf-8"]
        if let key { headers["X-Goog-Api-Key"] = key.value }
        let body = Body(input: .init(text: input), voice: .init(languageCode: Self.languageCode(voice: voice, language: language), name: voice))
        return HTTPClientRequest(method: "POST", url: try transport.endpoint("/v1/text:synthesize"), headers: headers, body: JSONReply.body(body))
    }

    func reply(_ response: HTTPClientResponse, input: String, provider: String) throws(ProviderError) -> SpeechReply {
        let reply = try JSONReply.decode(Reply.self, from: response.body, provider: provider)
        let audio = try StrictBase64.decode(reply.audioContent, maxBytes: maxAudioBytes, field: "audioContent", provider: provider)
        return SpeechReply(audio: audio, alignment: nil)
    }

    /// The BCP-47 code a Google voice name starts with (`fr-FR-Neural2-A` → `fr-FR`); the
    /// job's language when the name does not start with one.
    static func languageCode(voice: String, language: Language) -> String {
        let parts = voice.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count >= 2, parts[0].count == 2 || parts[0].count == 3, parts[0].allSatisfy(\.isLetter),
           parts[1].count == 2, parts[1].allSatisfy(\.isLetter) {
            return "\(parts[0])-\(parts[1])"
        }
        return language.rawValue
    }
}
