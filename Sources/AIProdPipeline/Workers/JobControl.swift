import AIProdMedia
import Synchronization

/// The handle on one running job the rest of the pool uses to stop it: raises the job's
/// ``RenderCancellation`` (every stage checks it in its loops, so the stage ends within a
/// second) and remembers why. The first reason given wins: a shutdown that follows a client's
/// cancel still cancels the job.
final class JobControl: Sendable {
    let cancellation = RenderCancellation()
    private let reason = Atomic<UInt8>(StopReason.none.rawValue)

    func stop(_ why: StopReason) {
        _ = reason.compareExchange(expected: StopReason.none.rawValue, desired: why.rawValue, ordering: .relaxed)
        cancellation.cancel()
    }

    var stopReason: StopReason {
        StopReason(rawValue: reason.load(ordering: .relaxed)) ?? .none
    }
}
