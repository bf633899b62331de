import AIProdCore
import Foundation

/// The OpenAI-compatible image API (`POST {url}/images/generations`), which hosted OpenAI and
/// LocalAI speak: one picture per call, returned as base64 (`b64_json`), or as a link that is
/// then downloaded. It has no seed: the request's seed only keys the cache.
struct OpenAIImagesAPI: ImageAPI {
    struct Body: Encodable {
        var model: String?
        var prompt: String
        var n = 1
        var size: String
        /// Omitted for the GPT image models, which always answer base64 and refuse the field.
        var response_format: String?
    }

    struct Reply: Decodable {
        struct Item: Decodable {
            var b64_json: String?
            var url: String?
        }

        var data: [Item]
    }

    /// What a reply gave: the picture itself, or where to fetch it.
    enum Answer {
        case picture(Data, PictureFormat)
        case link(URL)
    }

    /// dall-e-3's prompt limit (the GPT image models take more; dall-e-2 less, and says so).
    static let maxPromptCharacters = 4_000

    func generate(_ request: ImageRequest, transport: ProviderTransport, session: ProviderSession) throws(ProviderError) -> GeneratedImage {
        let config = transport.config
        let name = config.name
        let size = ImageSize.openAI(model: config.model, width: request.width, height: request.height)
        let body = Body(model: config.model.isEmpty ? nil : config.model,
                        prompt: PromptText.limited(request.prompt, maxCharacters: Self.maxPromptCharacters), size: size.text,
                        response_format: config.model.hasPrefix("gpt-image") ? nil : "b64_json")
        let http = HTTPClientRequest(method: "POST", url: try transport.endpoint("/images/generations"), headers: headers(transport),
                                     body: JSONReply.body(body))
        let answer = try transport.exchange(http, purpose: "image", session: session, decode: { response throws(ProviderError) -> Answer in
            let reply = try JSONReply.decode(Reply.self, from: response.body, provider: name)
            guard let item = reply.data.first, reply.data.count <= 10 else {
                throw ProviderError(.malformedReply, provider: name, "data holds \(reply.data.count) pictures, not one")
            }
            if let text = item.b64_json {
                let (data, format) = try PictureBase64.decode(text, maxBytes: config.maxResponseBytes, field: "data.0.b64_json", provider: name)
                return .picture(data, format)
            }
            guard let link = item.url else { throw ProviderError(.malformedReply, provider: name, "data.0 has neither b64_json nor url") }
            guard link.utf8.count <= 4_096, let url = URL(string: link), url.scheme != nil else {
                throw ProviderError(.malformedReply, provider: name, "data.0.url is not a URL")
            }
            return .link(url)
        }, units: { _ in 1 })
        switch answer {
        case .picture(let data, let format):
            return GeneratedImage(data: data, fileExtension: format.fileExtension, model: config.model, seed: request.seed)
        case .link(let url):
            let data = try transport.download(url, purpose: "image-download", session: session) { data throws(ProviderError) in
                _ = try PictureFormat.check(data, what: "the downloaded picture", provider: name)
            }
            let format = try PictureFormat.check(data, what: "the downloaded picture", provider: name)
            return GeneratedImage(data: data, fileExtension: format.fileExtension, model: config.model, seed: request.seed)
        }
    }
}
