/// Why a worker stops a running job before its stages end, which decides what the store hears:
/// a client's cancel ends the job (`markCanceled`); a shutdown hands it back to the queue
/// without spending an attempt (`release`); a lost lease means another worker owns the job now,
/// so this one writes nothing more.
enum StopReason: UInt8, Sendable {
    case none = 0
    case cancelRequested
    case shutdown
    case leaseLost
    /// The job's folder outgrew `[storage] max_job_bytes`: the job fails, not retried.
    case diskQuota
}
