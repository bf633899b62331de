import AIProdMedia
import Dispatch

/// At most `limit` requests in flight to one provider, across all jobs: a counting semaphore
/// whose waiters look at their job's cancellation every 50 ms, so a cancelled job does not
/// wait for a slot.
public final class ConcurrencyGate: Sendable {
    public let limit: Int
    private let slots: DispatchSemaphore

    public init(limit: Int) {
        self.limit = max(limit, 1)
        slots = DispatchSemaphore(value: self.limit)
    }

    /// Waits for a slot; false when `cancellation` was raised first (no slot taken).
    public func enter(cancellation: RenderCancellation) -> Bool {
        while slots.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if cancellation.isCancelled { return false }
        }
        return true
    }

    public func leave() {
        slots.signal()
    }
}
