import Foundation

/// One row of the audit log: what happened, when, to what, and by whom.
public struct AuditEntry: Codable, Sendable, Hashable {
    /// Assigned by the store; nil on an entry not yet written.
    public var id: Int64?
    public var type: AuditType
    public var at: Date
    public var tokenName: String?
    public var clientIP: String?
    /// What it was about: a job id, a path, a token id.
    public var resource: String?
    public var detail: String?

    public init(id: Int64? = nil, type: AuditType, at: Date, tokenName: String? = nil, clientIP: String? = nil, resource: String? = nil, detail: String? = nil) {
        self.id = id
        self.type = type
        self.at = at
        self.tokenName = tokenName
        self.clientIP = clientIP
        self.resource = resource
        self.detail = detail
    }
}
