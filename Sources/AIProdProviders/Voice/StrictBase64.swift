import Foundation

/// Standard base64 (RFC 4648 §4, with padding) decoded strictly: no whitespace, no URL-safe
/// alphabet, no missing padding, and a length checked before anything is decoded, so a reply
/// cannot make aiprod allocate more than `maxBytes`.
enum StrictBase64 {
    static func decode(_ text: String, maxBytes: Int, field: String, provider: String) throws(ProviderError) -> Data {
        let length = text.utf8.count
        guard length / 4 <= maxBytes / 3 + 1 else {
            throw ProviderError(.replyTooLarge, provider: provider, "\(field) holds more than \(maxBytes) bytes")
        }
        guard length % 4 == 0, let data = Data(base64Encoded: text) else {
            throw ProviderError(.malformedReply, provider: provider, "\(field) is not valid base64")
        }
        guard !data.isEmpty else { throw ProviderError(.notAudio, provider: provider, "\(field) is empty") }
        return data
    }
}
