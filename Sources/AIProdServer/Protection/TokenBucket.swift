/// One client's bucket: `tokens` left at `updated` (seconds on a monotonic clock). Refills at
/// `rate` per second up to `burst`; a request takes one.
struct TokenBucket: Sendable {
    var tokens: Double
    var updated: Double

    /// The bucket as it is at `now`, refilled (never past `burst`, never backwards in time).
    func refilled(at now: Double, rate: Double, burst: Double) -> TokenBucket {
        let elapsed = max(0, now - updated)
        return TokenBucket(tokens: min(burst, tokens + elapsed * rate), updated: max(now, updated))
    }
}
