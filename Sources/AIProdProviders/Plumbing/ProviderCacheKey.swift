import AIProdCore
import Crypto
import Foundation

/// What identifies a provider's answer: its kind, endpoint, model and the exact request body.
/// Two jobs asking the same provider the same thing share the answer; a change of model, voice,
/// text or URL is a different key. The API key is not part of it (it does not change the
/// answer), nor is the provider's name (renaming a section keeps the cache).
public struct ProviderCacheKey: Sendable, Hashable, CustomStringConvertible {
    /// SHA-256, hex.
    public let hex: String

    public init(kind: ProviderKind, model: String, method: String, url: String, body: Data) {
        var hasher = SHA256()
        for part in [kind.rawValue, model, method, url] {
            hasher.update(data: Data(part.utf8))
            hasher.update(data: Data([0]))
        }
        hasher.update(data: body)
        hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public var description: String { hex }
}
