/// Everything about a submission that is not the job itself: who sent it, its idempotency key,
/// how many attempts it gets, what it was estimated to cost.
public struct EnqueueOptions: Sendable {
    /// A repeated request with the same key (from the same token) returns the first job.
    public var idempotencyKey: String?
    public var tokenName: String?
    public var clientIP: String?
    public var maxAttempts: Int
    public var estimate: CostEstimate?

    public init(idempotencyKey: String? = nil, tokenName: String? = nil, clientIP: String? = nil, maxAttempts: Int = 5, estimate: CostEstimate? = nil) {
        self.idempotencyKey = idempotencyKey
        self.tokenName = tokenName
        self.clientIP = clientIP
        self.maxAttempts = maxAttempts
        self.estimate = estimate
    }
}
