import AIProdMedia
import Dispatch
import Foundation
import Synchronization

/// Waits, on the calling (dedicated) thread, for an async operation that runs elsewhere: how
/// blocking stage code uses the async ``HTTPClient``. The operation runs as a task that only
/// suspends (the transfer is libcurl's); this thread sleeps on a semaphore and looks at the
/// job's cancellation every 50 ms, cancelling the task when it is raised.
///
/// Never call it from the cooperative pool or an event loop: it blocks its thread.
enum BlockingAwait {
    static func run<Success: Sendable, Failure: Error>(
        cancellation: RenderCancellation, _ operation: @escaping @Sendable () async -> Result<Success, Failure>
    ) -> Result<Success, Failure> {
        let done = DispatchSemaphore(value: 0)
        let box = Mutex<Result<Success, Failure>?>(nil)
        let task = Task {
            let result = await operation()
            box.withLock { $0 = result }
            done.signal()
        }
        var cancelled = false
        while done.wait(timeout: .now() + .milliseconds(50)) == .timedOut {
            if !cancelled, cancellation.isCancelled {
                cancelled = true
                task.cancel()
            }
        }
        // Signalled only after the box was filled.
        return box.withLock { $0! }
    }

    /// Sleeps `seconds` on this thread; false when `cancellation` was raised meanwhile.
    static func sleep(_ seconds: Double, cancellation: RenderCancellation) -> Bool {
        let end = DispatchTime.now() + max(seconds, 0)
        while DispatchTime.now() < end {
            if cancellation.isCancelled { return false }
            let left = Double(end.uptimeNanoseconds - min(DispatchTime.now().uptimeNanoseconds, end.uptimeNanoseconds)) / 1e9
            Thread.sleep(forTimeInterval: min(left, 0.05))
        }
        return !cancellation.isCancelled
    }
}
