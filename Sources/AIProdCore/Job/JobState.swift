/// Where a job is in its life: `queued → running → succeeded | failed → queued (retry) | dead |
/// canceled`. Only the transitions ``canMove(to:)`` allows happen; the store refuses the others.
public enum JobState: String, Codable, Sendable, Hashable, CaseIterable {
    /// Waiting for a worker (new, or retrying after a failure once its backoff has passed).
    case queued
    /// Claimed by a worker that holds a lease on it.
    case running
    /// Finished with exactly one result.
    case succeeded
    /// A stage failed; the job will be retried (it goes back to `queued` with a backoff).
    case failed
    /// Failed on every allowed attempt, or with an error retrying cannot fix: the dead letter.
    case dead
    /// Cancelled by a client before it finished.
    case canceled

    /// No worker will touch the job again (unless a client retries a failed or dead one).
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .dead, .canceled: true
        case .queued, .running, .failed: false
        }
    }

    /// Whether a job in this state may move to `next`.
    public func canMove(to next: JobState) -> Bool {
        switch (self, next) {
        case (.queued, .running), (.queued, .canceled): true
        // A worker finishing, failing or cancelling; `queued` is a lease that expired or a
        // worker that stopped at a checkpoint (shutdown), to resume elsewhere.
        case (.running, .succeeded), (.running, .failed), (.running, .dead), (.running, .canceled), (.running, .queued): true
        case (.failed, .queued), (.failed, .dead), (.failed, .canceled): true
        // A client's retry of the dead letter.
        case (.dead, .queued): true
        default: false
        }
    }
}
