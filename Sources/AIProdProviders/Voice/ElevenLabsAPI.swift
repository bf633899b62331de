import AIProdCore
import Foundation

/// ElevenLabs' text to speech with timestamps (`POST {url}/v1/text-to-speech/{voice_id}/with-timestamps`,
/// key in `xi-api-key`): JSON out, with the audio in base64 and the time of every character
/// of the input, which gives the subtitle's word timings exactly.
struct ElevenLabsAPI: SpeechAPI {
    struct Body: Encodable {
        var text: String
        var model_id: String?
    }

    struct Reply: Decodable {
        var audio_base64: String
        var alignment: Alignment?
    }

    struct Alignment: Decodable {
        var characters: [String]
        var character_start_times_seconds: [Double]
        var character_end_times_seconds: [Double]
    }

    /// The audio format asked for: MP3 at 44.1 kHz, what every plan allows.
    static let outputFormat = "mp3_44100_128"

    var model: String
    var key: ProviderKey?
    var maxAudioBytes: Int

    func request(input: String, voice: String, language: Language, transport: ProviderTransport) throws(ProviderError) -> HTTPClientRequest {
        // The voice id goes into the path: only an id's characters, so it cannot change the URL.
        guard !voice.isEmpty, voice.utf8.count <= 64,
              voice.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) || $0 == "_" || $0 == "-" })
        else {
            throw ProviderError(.unsupported, provider: transport.config.name, "the voice for \(language.rawValue) is not an ElevenLabs voice id")
        }
        let url = try transport.endpoint("/v1/text-to-speech/\(voice)/with-timestamps?output_format=\(Self.outputFormat)")
        var headers = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key { headers["xi-api-key"] = key.value }
        let body = Body(text: input, model_id: model.isEmpty ? nil : model)
        return HTTPClientRequest(method: "POST", url: url, headers: headers, body: JSONReply.body(body))
    }

    func reply(_ response: HTTPClientResponse, input: String, provider: String) throws(ProviderError) -> SpeechReply {
        let reply = try JSONReply.decode(Reply.self, from: response.body, provider: provider)
        let audio = try StrictBase64.decode(reply.audio_base64, maxBytes: maxAudioBytes, field: "audio_base64", provider: provider)
        guard let timings = reply.alignment else {
            throw ProviderError(.malformedReply, provider: provider, "the reply has no alignment")
        }
        let alignment = try CharacterAlignment(characters: timings.characters, starts: timings.character_start_times_seconds,
                                               ends: timings.character_end_times_seconds, provider: provider)
        return SpeechReply(audio: audio, alignment: alignment)
    }
}
