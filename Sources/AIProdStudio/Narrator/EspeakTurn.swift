import AIProdMedia
import Foundation

/// Whose turn it is inside espeak-ng: one synthesis at a time, and a caller still waiting for
/// its turn gives up when its job is cancelled.
///
/// A `Mutex` alone cannot do the second part: `withLock` waits unconditionally, so a narration
/// queued behind a long one would sit out the whole of it after its job was cancelled. Here a
/// waiter sleeps on a condition and wakes when the turn is handed on or every
/// ``pollInterval`` to look at its ``RenderCancellation`` (which has no way to wake anyone).
/// `@unchecked Sendable`: `holder` and `waiters` are only touched with `condition` locked.
final class EspeakTurn: @unchecked Sendable {
    /// How long a cancelled waiter may go unnoticed.
    static let pollInterval: TimeInterval = 0.02

    private let condition = NSCondition()
    /// The cancellation of the caller whose turn it is (nil: nobody's).
    private var holder: ObjectIdentifier?
    /// The cancellations of the callers waiting, one entry per caller.
    private var waiters: [ObjectIdentifier] = []

    /// Waits for the turn and takes it; throws `cancelled` (without taking it) as soon as
    /// `cancellation` is raised, before or while waiting. Pair with ``give()``.
    func take(_ cancellation: RenderCancellation) throws(StudioError) {
        let caller = ObjectIdentifier(cancellation)
        condition.lock()
        defer { condition.unlock() }
        waiters.append(caller)
        defer { waiters.firstIndex(of: caller).map { _ = waiters.remove(at: $0) } }
        while true {
            if cancellation.isCancelled { throw StudioError(.cancelled, "narration cancelled while waiting for espeak-ng") }
            if holder == nil { break }
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.pollInterval))
        }
        holder = caller
    }

    /// Hands the turn on to one waiter.
    func give() {
        condition.lock()
        holder = nil
        condition.signal()
        condition.unlock()
    }

    /// Whether it is the turn of the caller with `cancellation` (for tests that must know where
    /// a narration is before they cancel it; other tests may be narrating at the same time).
    func isHeld(by cancellation: RenderCancellation) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return holder == ObjectIdentifier(cancellation)
    }

    /// Whether the caller with `cancellation` is waiting for the turn (for tests, as above).
    func isAwaited(by cancellation: RenderCancellation) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiters.contains(ObjectIdentifier(cancellation))
    }
}
