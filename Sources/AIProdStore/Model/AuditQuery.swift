import Foundation

/// A filter on the audit log; every condition given must hold. Newest first, at most `limit`
/// rows (clamped to 1…1000).
public struct AuditQuery: Sendable {
    public var type: AuditType?
    /// Inclusive.
    public var since: Date?
    /// Exclusive.
    public var until: Date?
    public var tokenName: String?
    public var limit: Int

    public init(type: AuditType? = nil, since: Date? = nil, until: Date? = nil, tokenName: String? = nil, limit: Int = 100) {
        self.type = type
        self.since = since
        self.until = until
        self.tokenName = tokenName
        self.limit = limit
    }
}
