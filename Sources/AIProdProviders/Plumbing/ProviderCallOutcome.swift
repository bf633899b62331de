/// How one provider call ended, as recorded on the job.
public enum ProviderCallOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// The provider answered and the answer was usable; it is paid for.
    case succeeded
    /// The answer came from the cache: nothing was sent and nothing is paid.
    case cached
    /// Nothing usable came back (see the call's `error_code`); nothing is paid.
    case failed
    /// Not attempted: the circuit breaker is open.
    case skipped
}
