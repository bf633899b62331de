/// Everything about a submission that is not the job itself: who sent it, its idempotency key,
/// how many attempts it gets, what it was estimated to cost.
public struct EnqueueOptions: Sendable {
    /// A repeated request with the same key (from the same token) returns the first job.
    public var idempotencyKey: String?
    public var tokenName: String?
    public var clientIP: String?
    public var maxAttempts: Int
    public var estimate: CostEstimate?
    /// `[budget] monthly_usd` (nil or 0: none). When set with an estimate, the enqueue checks in
    /// its own transaction that this month's recorded spend, plus the estimates of the jobs not
    /// yet finished, plus this one, stays within it; else `budget_exceeded`. Checked there so
    /// two requests at once can't both slip under the cap.
    public var monthlyBudgetUSD: Double?
    /// The submitting request's W3C trace id (32 lowercase hex digits); anything else is dropped.
    public var traceID: String?

    public init(
        idempotencyKey: String? = nil, tokenName: String? = nil, clientIP: String? = nil, maxAttempts: Int = 5, estimate: CostEstimate? = nil,
        monthlyBudgetUSD: Double? = nil, traceID: String? = nil
    ) {
        self.traceID = traceID
        self.idempotencyKey = idempotencyKey
        self.tokenName = tokenName
        self.clientIP = clientIP
        self.maxAttempts = maxAttempts
        self.estimate = estimate
        self.monthlyBudgetUSD = monthlyBudgetUSD
    }
}
