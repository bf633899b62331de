/// The queue's timing, from `[queue]`: how long a lease lasts without a heartbeat, and the
/// backoff between attempts (exponential from `backoffBase`, capped at `backoffCap`), in seconds.
public struct QueueOptions: Sendable, Hashable {
    public var leaseSeconds: Double
    public var backoffBase: Double
    public var backoffCap: Double

    public init(leaseSeconds: Double = 60, backoffBase: Double = 2, backoffCap: Double = 300) {
        self.leaseSeconds = leaseSeconds
        self.backoffBase = backoffBase
        self.backoffCap = backoffCap
    }
}
