import AIProdCore

/// What the store tells listeners (idle workers, SSE streams) after a change is committed.
public enum JobEvent: Sendable, Hashable {
    /// A job can be claimed (new, retried, or back from a lease or a shutdown); it may wait for
    /// its `run_at` first.
    case enqueued(JobID)
    /// A job's state changed; the record as committed.
    case changed(JobRecord)
    case progress(JobID, JobProgress)

    /// The job the event is about.
    public var jobID: JobID {
        switch self {
        case .enqueued(let id), .progress(let id, _): id
        case .changed(let record): record.id
        }
    }
}
