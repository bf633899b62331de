import Foundation

/// A bearer token as listed: never its secret, which is shown once when it is created and
/// stored only as a SHA-256 hash.
public struct TokenRecord: Codable, Sendable, Hashable {
    public var id: String
    public var name: String
    public var role: TokenRole
    /// The 8 characters after `aip_` in the secret: lets a person tell tokens apart, and the
    /// store find the row without scanning.
    public var prefix: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(id: String, name: String, role: TokenRole, prefix: String, createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.prefix = prefix
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}
