import AIProdCore
import Foundation

/// A studio's own music model behind one POST (`kind = music-http`): MusicGen, Stable Audio
/// Open or anything wrapped the same way. aiprod sends `{"prompt", "duration", "seed", "model"}`
/// to `url` (with `Authorization: Bearer KEY` when a key is set) and takes the answer as the
/// audio itself (any content type: it is told by its magic number, WAV, MP3, Ogg or FLAC), or
/// as JSON `{"audio_base64": …}` or `{"url": …}` (downloaded, held to https or the server's own
/// host). One `tracks` unit per piece. The composer fits the piece to the video's length.
///
/// Blocking: call it from the job's dedicated thread.
public struct MusicHTTPClient: Sendable {
    /// Longest piece asked for, in seconds.
    static let maxSeconds = 3_600.0

    struct Body: Encodable {
        var prompt: String
        var duration: Double
        var seed: UInt64
        var model: String?
    }

    /// What the call answered: the audio, or where to fetch it; and the model it names.
    enum Answer: Sendable {
        case audio(Data, MediaSignature, model: String?)
        case link(URL, model: String?)
    }

    let transport: ProviderTransport

    public init(transport: ProviderTransport) {
        self.transport = transport
    }

    public var name: String { transport.config.name }

    /// POST {url} JSON {"prompt", "duration" (seconds), "seed", "model" (if set)}; Bearer key if
    /// set; reply: audio bytes (any content type, checked by magic number), or JSON
    /// {"audio_base64"} / {"url"} (download). units 1 per piece.
    public func compose(prompt: String, seconds: Double, seed: UInt64, session: ProviderSession) throws(ProviderError) -> ReceivedMusic {
        let name = self.name
        guard seconds.isFinite, seconds > 0, seconds <= Self.maxSeconds else {
            throw ProviderError(.unsupported, provider: name, "a piece of \(seconds) s is not one to ask for (0…\(Int(Self.maxSeconds)) s)")
        }
        let config = transport.config
        let model = config.model.isEmpty ? nil : config.model
        var headers = ["Content-Type": "application/json", "Accept": "audio/*, application/json"]
        if let key = config.key?.value { headers["Authorization"] = "Bearer \(key)" }
        let body = Body(prompt: String(prompt.prefix(2_000)), duration: (seconds * 1_000).rounded() / 1_000, seed: seed, model: model)
        let request = HTTPClientRequest(method: "POST", url: try transport.endpoint(""), headers: headers, body: JSONReply.body(body))
        let maxBytes = config.maxResponseBytes
        let answer = try transport.exchange(request, purpose: "compose music", session: session, decode: { (response) throws(ProviderError) -> Answer in
            try Self.answer(response.body, maxBytes: maxBytes, provider: name)
        }, units: { _ in 1 })
        let data: Data
        let signature: MediaSignature
        let named: String?
        switch answer {
        case .audio(let bytes, let kind, let model):
            data = bytes
            signature = kind
            named = model
        case .link(let url, let model):
            // A link alone is what is cached; the file is fetched (and cached) by the download.
            data = try transport.download(url, purpose: "music download", session: session) { (bytes) throws(ProviderError) in
                guard MediaSignature(of: bytes)?.isAudio == true else {
                    throw ProviderError(.notAudio, provider: name, "the file the reply links to is not WAV, MP3, Ogg or FLAC audio")
                }
            }
            signature = MediaSignature(of: data) ?? .wav
            named = model
        }
        let credit = Credit(
            role: .music, source: name, kind: ProviderKind.musicHTTP.rawValue, license: .generated,
            model: ReplyText.clean(named) ?? model, seed: seed, prompt: body.prompt)
        return ReceivedMusic(data: data, fileExtension: signature.fileExtension, credit: credit)
    }

    /// The audio of a reply body, or the link a JSON `{"url"}` reply gives.
    static func answer(_ body: Data, maxBytes: Int, provider: String) throws(ProviderError) -> Answer {
        if let signature = MediaSignature(of: body) {
            guard signature.isAudio else { throw ProviderError(.notAudio, provider: provider, "the reply is a \(signature.rawValue) file, not audio") }
            return .audio(body, signature, model: nil)
        }
        let start = body.prefix(64).first { ![UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains($0) }
        guard start == UInt8(ascii: "{") else {
            throw ProviderError(.notAudio, provider: provider, "the reply is neither WAV, MP3, Ogg or FLAC audio nor JSON")
        }
        let reply = try JSONReply.decode(MusicHTTPReply.self, from: body, provider: provider)
        if let text = reply.audio_base64 {
            let data = try StrictBase64.decode(text, maxBytes: maxBytes, field: "audio_base64", provider: provider)
            guard let signature = MediaSignature(of: data), signature.isAudio else {
                throw ProviderError(.notAudio, provider: provider, "audio_base64 is not WAV, MP3, Ogg or FLAC audio")
            }
            return .audio(data, signature, model: reply.model)
        }
        guard let link = ReplyText.url(reply.url) else {
            throw ProviderError(.malformedReply, provider: provider, "the reply has neither audio_base64 nor a usable url")
        }
        return .link(link, model: reply.model)
    }
}
