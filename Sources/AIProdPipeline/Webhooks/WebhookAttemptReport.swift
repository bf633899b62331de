import Foundation

/// One delivery attempt, as the Store records it (`recordWebhookAttempt`).
public struct WebhookAttemptReport: Sendable, Hashable {
    public var delivery: String
    public var url: String
    /// 1-based.
    public var attempt: Int
    /// The receiver's HTTP status; nil when there was no reply.
    public var status: Int?
    /// Why the attempt failed (no reply, or a status that is not 2xx); nil on success.
    public var error: String?
    public var at: Date

    public init(delivery: String, url: String, attempt: Int, status: Int?, error: String?, at: Date) {
        self.delivery = delivery
        self.url = url
        self.attempt = attempt
        self.status = status
        self.error = error
        self.at = at
    }

    public var succeeded: Bool { error == nil }
}
