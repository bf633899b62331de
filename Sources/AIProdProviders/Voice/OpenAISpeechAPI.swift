import AIProdCore
import Foundation

/// The OpenAI-compatible speech API (`POST {url}/audio/speech`), which Kokoro-FastAPI,
/// LocalAI, openedai-speech and hosted OpenAI all speak: JSON in, the audio itself out. It
/// gives no timings, so ``RemoteVoice`` aligns the words itself.
struct OpenAISpeechAPI: SpeechAPI {
    struct Body: Encodable {
        var model: String?
        var input: String
        var voice: String
        var response_format = "wav"
    }

    var model: String
    var key: ProviderKey?

    func request(input: String, voice: String, language: Language, transport: ProviderTransport) throws(ProviderError) -> HTTPClientRequest {
        var headers = ["Content-Type": "application/json", "Accept": "audio/wav"]
        if let key { headers["Authorization"] = "Bearer \(key.value)" }
        let body = Body(model: model.isEmpty ? nil : model, input: input, voice: voice)
        return HTTPClientRequest(method: "POST", url: try transport.endpoint("/audio/speech"), headers: headers, body: JSONReply.body(body))
    }

    func reply(_ response: HTTPClientResponse, input: String, provider: String) throws(ProviderError) -> SpeechReply {
        guard !response.body.isEmpty else { throw ProviderError(.notAudio, provider: provider, "the reply is empty") }
        return SpeechReply(audio: response.body, alignment: nil)
    }
}
