import AIProdCore
import Foundation

/// AUTOMATIC1111's (and Forge's) `POST {url}/sdapi/v1/txt2img`: one picture of the stepped
/// size (``ImageSize/stepped(width:height:)``) with the request's seed, `steps` from the
/// section, and the section's `model` as the checkpoint when it names one. The reply is base64
/// pictures and an `info` string whose `sd_model_name` is the checkpoint that drew it.
struct A1111API: ImageAPI {
    struct Body: Encodable {
        struct Overrides: Encodable {
            var sd_model_checkpoint: String
        }

        var prompt: String
        var negative_prompt: String
        var width: Int
        var height: Int
        var seed: UInt64
        var steps: Int
        var batch_size = 1
        var n_iter = 1
        var override_settings: Overrides?
    }

    struct Reply: Decodable {
        var images: [String]
        var info: String?
    }

    /// What a video's picture must not show: text is drawn by aiprod's own layers, and a model's
    /// attempts at letters, logos and watermarks spoil a frame.
    static let negativePrompt = "text, letters, caption, watermark, signature, logo, frame, border, blurry, low quality, deformed"

    /// Seeds are sent modulo 2³²: SD front ends pass them to 32-bit generators.
    static func seed(_ seed: UInt64) -> UInt64 { seed & 0xFFFF_FFFF }

    func generate(_ request: ImageRequest, transport: ProviderTransport, session: ProviderSession) throws(ProviderError) -> GeneratedImage {
        let config = transport.config
        let name = config.name
        let size = ImageSize.stepped(width: request.width, height: request.height)
        let seed = Self.seed(request.seed)
        let body = Body(prompt: request.prompt.trimmingCharacters(in: .whitespacesAndNewlines), negative_prompt: Self.negativePrompt,
                        width: size.width, height: size.height, seed: seed, steps: min(max(config.steps, 1), 150),
                        override_settings: config.model.isEmpty ? nil : Body.Overrides(sd_model_checkpoint: config.model))
        let http = HTTPClientRequest(method: "POST", url: try transport.endpoint("/sdapi/v1/txt2img"), headers: headers(transport),
                                     body: JSONReply.body(body))
        return try transport.exchange(http, purpose: "image", session: session, decode: { response throws(ProviderError) -> GeneratedImage in
            let reply = try JSONReply.decode(Reply.self, from: response.body, provider: name)
            guard let first = reply.images.first, reply.images.count <= 16 else {
                throw ProviderError(.malformedReply, provider: name, "images holds \(reply.images.count) pictures, not one")
            }
            let (data, format) = try PictureBase64.decode(first, maxBytes: config.maxResponseBytes, field: "images.0", provider: name)
            let model = Self.modelName(info: reply.info) ?? config.model
            return GeneratedImage(data: data, fileExtension: format.fileExtension, model: model, seed: seed)
        }, units: { _ in 1 })
    }

    /// `sd_model_name` from the reply's `info` (a JSON document inside a string), when it is a
    /// short printable name; anything else is ignored (the info is informative, not needed).
    static func modelName(info: String?) -> String? {
        guard let info, info.utf8.count <= 1 << 20,
              let object = try? JSONSerialization.jsonObject(with: Data(info.utf8)) as? [String: Any],
              let model = object["sd_model_name"] as? String,
              (1...200).contains(model.count), model.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { return nil }
        return model
    }
}
