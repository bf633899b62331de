import AIProdMedia
import Foundation
import Synchronization

/// A ``RenderCancellation`` that remembers when it was raised, so a test can measure how long
/// the work took to stop: the bound on responsiveness every cancellation test asserts.
public final class CancelTiming: Sendable {
    /// How soon after a cancel the work must have thrown `cancelled`.
    public static let bound: Duration = .seconds(1)

    public let cancellation = RenderCancellation()
    private let raised = Mutex<ContinuousClock.Instant?>(nil)

    public init() {}

    /// Raises the cancellation (once; later calls change nothing).
    public func cancel() {
        raised.withLock { if $0 == nil { $0 = .now } }
        cancellation.cancel()
    }

    /// Raises it `delay` from now, from another thread.
    public func cancel(after delay: Duration) {
        let thread = Thread { [self] in
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18)
            cancel()
        }
        thread.start()
    }

    public var raisedAt: ContinuousClock.Instant? { raised.withLock { $0 } }

    /// From the cancel to `end` (nil if the cancellation was never raised).
    public func latency(until end: ContinuousClock.Instant) -> Duration? {
        raisedAt.map { end - $0 }
    }
}

/// Runs blocking work (a render, a narration, a QA decode) on a thread of its own, as the
/// product does, never on the cooperative pool, and awaits its result and the moment it ended.
public enum WorkerThread {
    public static func run<T: Sendable, E: Error>(
        _ body: @escaping @Sendable () throws(E) -> T
    ) async -> (result: Result<T, E>, ended: ContinuousClock.Instant) {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                let result = Result { () throws(E) -> T in try body() }
                continuation.resume(returning: (result, ContinuousClock.now))
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Starts blocking work on a thread of its own; ``Running/join()`` waits for it. For tests
    /// that must watch the work and act at a precise moment: they poll and cancel from their
    /// own thread with ``poll(for:until:)``, never through the cooperative pool, which other
    /// tests' blocking work can hold for seconds.
    public static func start<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) -> Running<T, E> {
        let running = Running<T, E>()
        let thread = Thread {
            let result = Result { () throws(E) -> T in try body() }
            running.finish(result)
        }
        thread.stackSize = 8 << 20
        thread.start()
        return running
    }

    /// Polls `condition` every 2 ms on the calling thread until it holds or `timeout` passes;
    /// returns whether it held.
    public static func poll(for timeout: Duration = .seconds(60), until condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.002)
        }
        return true
    }
}

/// Work started by ``WorkerThread/start(_:)``: its result and the moment it ended.
public final class Running<T: Sendable, E: Error>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let outcome = Mutex<(Result<T, E>, ContinuousClock.Instant)?>(nil)

    fileprivate init() {}

    fileprivate func finish(_ result: Result<T, E>) {
        outcome.withLock { $0 = (result, .now) }
        done.signal()
    }

    /// Whether the work has ended.
    public var isFinished: Bool { outcome.withLock { $0 != nil } }

    /// Blocks until the work ends.
    public func join() -> (result: Result<T, E>, ended: ContinuousClock.Instant) {
        done.wait()
        done.signal()
        guard let ended = outcome.withLock({ $0 }) else { preconditionFailure("signalled before the outcome was set") }
        return ended
    }
}

/// A count several threads may bump (frames seen by a hook, say).
public final class Counter: Sendable {
    private let count = Mutex(0)

    public init() {}

    /// Adds one and returns the new count.
    @discardableResult
    public func increment() -> Int { count.withLock { $0 += 1; return $0 } }

    public var value: Int { count.withLock { $0 } }
}
