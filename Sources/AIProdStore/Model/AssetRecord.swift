import AIProdCore
import Foundation

/// An uploaded file in the asset index. Its bytes are in the ``AssetFolder`` under its id, the
/// SHA-256 of its content, so the same upload twice is stored once.
public struct AssetRecord: Codable, Sendable, Hashable {
    /// 64 lowercase hex digits.
    public var id: String
    public var name: String
    public var tags: [String]
    public var kind: AssetKind
    public var bytes: Int64
    public var createdAt: Date

    public init(id: String, name: String, tags: [String], kind: AssetKind, bytes: Int64, createdAt: Date) {
        self.id = id
        self.name = name
        self.tags = tags
        self.kind = kind
        self.bytes = bytes
        self.createdAt = createdAt
    }
}
