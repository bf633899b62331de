import Foundation

/// A picture sent inside JSON as base64 (openai-images' `b64_json`, a1111's `images`): decoded
/// strictly and within the provider's size cap (``StrictBase64``), then checked to be a
/// picture. A `data:image/…;base64,` prefix, which some a1111 forks add, is allowed.
enum PictureBase64 {
    static func decode(_ text: String, maxBytes: Int, field: String, provider: String) throws(ProviderError) -> (Data, PictureFormat) {
        var payload = Substring(text)
        if payload.hasPrefix("data:image/"), let comma = payload.firstIndex(of: ","), payload[..<comma].hasSuffix(";base64") {
            payload = payload[payload.index(after: comma)...]
        }
        guard !payload.isEmpty else { throw ProviderError(.malformedReply, provider: provider, "\(field) is empty") }
        let data = try StrictBase64.decode(String(payload), maxBytes: maxBytes, field: field, provider: provider)
        return (data, try PictureFormat.check(data, what: field, provider: provider))
    }
}
