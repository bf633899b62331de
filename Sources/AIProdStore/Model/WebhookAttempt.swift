import Foundation

/// One delivery attempt of a job's webhook: the HTTP status it got, or the error (no answer).
public struct WebhookAttempt: Codable, Sendable, Hashable {
    public var job: JobID
    public var url: String
    /// From 1.
    public var attempt: Int
    public var status: Int?
    public var error: String?
    public var at: Date

    public init(job: JobID, url: String, attempt: Int, status: Int?, error: String?, at: Date) {
        self.job = job
        self.url = url
        self.attempt = attempt
        self.status = status
        self.error = error
        self.at = at
    }
}
