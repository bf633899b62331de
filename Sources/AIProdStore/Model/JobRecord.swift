import AIProdCore
import Foundation

/// A job as the store keeps it: the request, where it is in its life, its lease and its result.
/// A snapshot: reading it again may give a newer one.
public struct JobRecord: Codable, Sendable, Hashable {
    public var id: JobID
    public var spec: JobSpec
    public var state: JobState
    /// The stage running or last run; nil before the first.
    public var stage: StageName?
    /// 0…100 over the whole job (``JobProgress/percent``).
    public var progress: Double
    /// Claims so far, this one included; reset by a client's retry.
    public var attempts: Int
    public var maxAttempts: Int
    /// Higher runs first.
    public var priority: Int
    /// The last failure (kept while a retry waits its backoff).
    public var error: JobFailure?
    /// A client asked to cancel while a worker runs it; the worker stops at its next check.
    public var cancelRequested: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Not claimed before this time (the backoff of a retry).
    public var runAt: Date
    public var leaseOwner: String?
    public var leaseUntil: Date?
    public var idempotencyKey: String?
    public var tokenName: String?
    /// Present once, when the job succeeded.
    public var result: JobResult?
    public var estimate: CostEstimate?
    /// The W3C trace id of the request that submitted the job (32 hex digits), if it sent a
    /// valid `traceparent`: tagged on the worker's log lines and sent on to the webhook.
    public var traceID: String?

    public init(
        id: JobID, spec: JobSpec, state: JobState, stage: StageName? = nil, progress: Double = 0, attempts: Int = 0,
        maxAttempts: Int, priority: Int = 0, error: JobFailure? = nil, cancelRequested: Bool = false, createdAt: Date,
        updatedAt: Date, startedAt: Date? = nil, finishedAt: Date? = nil, runAt: Date, leaseOwner: String? = nil,
        leaseUntil: Date? = nil, idempotencyKey: String? = nil, tokenName: String? = nil, result: JobResult? = nil,
        estimate: CostEstimate? = nil, traceID: String? = nil
    ) {
        self.id = id
        self.spec = spec
        self.state = state
        self.stage = stage
        self.progress = progress
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.priority = priority
        self.error = error
        self.cancelRequested = cancelRequested
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.runAt = runAt
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
        self.idempotencyKey = idempotencyKey
        self.tokenName = tokenName
        self.result = result
        self.estimate = estimate
        self.traceID = traceID
    }
}
