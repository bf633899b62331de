/// The buckets of one kind (tokens or addresses), keyed by client, with bounded memory: at
/// `capacity` it first drops full buckets (an idle client's bucket is the same as a new one, so
/// nothing is lost), and if that frees less than a quarter, the least recently used ones, down to
/// three quarters. Sweeps are therefore at most one per `capacity / 4` new clients.
struct BucketTable: Sendable {
    private(set) var buckets: [String: TokenBucket] = [:]
    var rate: Double
    var burst: Double
    var capacity: Int

    init(rate: Double, burst: Int, capacity: Int) {
        self.rate = rate
        self.burst = Double(burst)
        self.capacity = max(4, capacity)
    }

    var count: Int { buckets.count }

    /// Takes one token for `key` at `now` (seconds, monotonic).
    mutating func take(_ key: String, now: Double) -> RateDecision {
        var bucket: TokenBucket
        if let existing = buckets[key] {
            bucket = existing.refilled(at: now, rate: rate, burst: burst)
        } else {
            if buckets.count >= capacity { evict(now: now) }
            bucket = TokenBucket(tokens: burst, updated: now)
        }
        guard bucket.tokens >= 1 else {
            buckets[key] = bucket
            let wait = (1 - bucket.tokens) / rate
            let seconds = wait.isFinite ? min(wait.rounded(.up), 86_400) : 86_400
            return .limited(retryAfter: max(1, Int(seconds)))
        }
        bucket.tokens -= 1
        buckets[key] = bucket
        return .allowed
    }

    /// New limits apply from the next request; a bucket never holds more than the new burst.
    mutating func reconfigure(rate: Double, burst: Int, capacity: Int) {
        self.rate = rate
        self.burst = Double(burst)
        self.capacity = max(4, capacity)
        for key in buckets.keys {
            if let bucket = buckets[key], bucket.tokens > self.burst { buckets[key]?.tokens = self.burst }
        }
        if buckets.count > self.capacity { trimLeastRecent(to: self.capacity * 3 / 4) }
    }

    private mutating func evict(now: Double) {
        let before = buckets.count
        let (rate, burst) = (rate, burst)
        buckets = buckets.filter { $0.value.refilled(at: now, rate: rate, burst: burst).tokens < burst }
        if before - buckets.count < capacity / 4 { trimLeastRecent(to: capacity * 3 / 4) }
    }

    private mutating func trimLeastRecent(to target: Int) {
        guard buckets.count > target else { return }
        let excess = buckets.count - target
        let oldest = buckets.sorted { $0.value.updated < $1.value.updated }.prefix(excess)
        for (key, _) in oldest { buckets[key] = nil }
    }
}
