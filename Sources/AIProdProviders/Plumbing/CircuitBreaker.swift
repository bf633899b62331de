import Dispatch
import Synchronization

/// Skips a provider that keeps failing: after `failures` failed calls in a row it opens for
/// `seconds`, during which calls are refused at once (the stage falls back without waiting for
/// timeouts); then one trial call is let through, which closes it on success or opens it again.
///
/// One per provider, shared by every job and thread of the process, hence the lock.
public final class CircuitBreaker: Sendable {
    private struct State {
        var consecutiveFailures = 0
        /// Monotonic nanoseconds until which calls are refused; nil: closed.
        var openUntil: UInt64?
        /// A trial call is in flight after the open period.
        var trialRunning = false
    }

    public let failures: Int
    public let seconds: Double
    private let state = Mutex(State())
    /// Monotonic nanoseconds: the system's uptime clock, or a test's.
    private let clock: @Sendable () -> UInt64

    public init(failures: Int, seconds: Double, clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds }) {
        self.failures = max(failures, 1)
        self.seconds = seconds.isFinite && seconds > 0 ? seconds : 60
        self.clock = clock
    }

    /// Whether a call may go now. While open, no; once the period is over, yes for one trial
    /// call at a time.
    public func allows() -> Bool {
        let now = clock()
        return state.withLock { state in
            guard let until = state.openUntil else { return true }
            guard now >= until, !state.trialRunning else { return false }
            state.trialRunning = true
            return true
        }
    }

    /// Seconds left until a trial call is allowed; 0 when closed.
    public var secondsUntilTrial: Double {
        let now = clock()
        return state.withLock { state in
            guard let until = state.openUntil, until > now else { return 0 }
            return Double(until - now) / 1e9
        }
    }

    public var isOpen: Bool { state.withLock { $0.openUntil != nil } }

    public func succeeded() {
        state.withLock { state in state = State() }
    }

    public func failed() {
        let now = clock()
        let period = UInt64(min(seconds, 86_400) * 1e9)
        state.withLock { state in
            state.consecutiveFailures += 1
            state.trialRunning = false
            if state.openUntil != nil || state.consecutiveFailures >= failures {
                state.openUntil = now &+ period
            }
        }
    }
}
