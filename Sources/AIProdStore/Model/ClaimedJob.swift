import Foundation

/// A job a worker took from the queue, with the lease it must keep alive by heartbeats.
public struct ClaimedJob: Sendable {
    public var job: JobRecord
    public var worker: String
    public var leaseUntil: Date
    /// 1 for the first claim, then one more per retry.
    public var attempt: Int

    public init(job: JobRecord, worker: String, leaseUntil: Date, attempt: Int) {
        self.job = job
        self.worker = worker
        self.leaseUntil = leaseUntil
        self.attempt = attempt
    }
}
