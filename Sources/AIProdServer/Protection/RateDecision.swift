/// What the limiter says about one request.
public enum RateDecision: Sendable, Hashable {
    case allowed
    /// Refused; a token is back in this many whole seconds (at least 1, for `Retry-After`).
    case limited(retryAfter: Int)
}
