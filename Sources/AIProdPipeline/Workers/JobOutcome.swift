import AIProdCore
import AIProdStore

/// How one attempt at a job ended, as the worker told the store.
enum JobOutcome: Sendable {
    /// The result is published; the job is `succeeded`.
    case succeeded(JobRecord?)
    /// A stage failed: back in the queue after a backoff (`queued`) or the dead letter (`dead`).
    case failed(JobState, JobRecord?)
    /// The client's cancel took effect: `canceled`.
    case canceled(JobRecord?)
    /// Shutdown: back in the queue, the attempt not counted; resumes at its first unfinished stage.
    case released
    /// The lease was lost (or the store refused the report): another worker, or the lease
    /// reclaim, decides what happens to the job now.
    case abandoned

    /// The job as it ended, when it reached a terminal state: what a webhook announces.
    var terminalRecord: JobRecord? {
        switch self {
        case .succeeded(let record), .canceled(let record): record
        case .failed(let state, let record): state.isTerminal ? record : nil
        case .released, .abandoned: nil
        }
    }

    /// The `outcome` label of `aiprod_job_attempts_total`; nil for a release or a lost lease,
    /// which are not the job's doing.
    var metricLabel: String? {
        switch self {
        case .succeeded: "succeeded"
        case .failed(let state, _): state == .dead ? "dead" : "failed"
        case .canceled: "canceled"
        case .released, .abandoned: nil
        }
    }
}
