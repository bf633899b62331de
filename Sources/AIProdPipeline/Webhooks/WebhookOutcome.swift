/// How a delivery ended.
public enum WebhookOutcome: Sendable, Hashable {
    /// A 2xx reply, at this attempt.
    case delivered(attempt: Int)
    /// Every attempt failed, or the receiver answered a status retrying cannot change.
    case failed(attempts: Int, lastError: String)
    /// The task was cancelled (the daemon is stopping) between or during attempts.
    case cancelled(attempts: Int)
}
