import Foundation
import Synchronization

/// One operating-system thread of our own that runs blocking work (SQLite writes, a whole
/// render) handed to it from async code, one piece at a time, in order.
///
/// Why not the cooperative pool: a render holds its thread for minutes and SQLite blocks on
/// `fsync`; the pool has one thread per core (two here), so a single render parked on it would
/// stall every task of the process, the HTTP server's included. Why not `DispatchQueue`: its
/// threads come from a shared pool too. This thread sleeps on a semaphore until work arrives;
/// the caller awaits a continuation the thread resumes, so no async thread waits meanwhile.
public final class DedicatedThread: Sendable {
    private struct Queue {
        var work: [@Sendable () -> Void] = []
        var closed = false
    }

    private let queue = Mutex(Queue())
    /// One signal per piece of work, plus one at `close()`.
    private let available = DispatchSemaphore(value: 0)
    public let name: String

    /// Starts the thread. `stackSize` in bytes: renders recurse into libav and espeak-ng, which
    /// want more than a secondary thread's default on some systems.
    public init(name: String, stackSize: Int = 8 << 20) {
        self.name = name
        // The thread holds the object until `close()` lets its loop end.
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
    }

    /// Runs `body` on the thread and returns what it returns, or throws what it throws.
    /// After `close()`, throws `CancellationError` without running it.
    public func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws -> T {
        let outcome: Result<T, any Error> = await withCheckedContinuation { continuation in
            let accepted = queue.withLock { queue in
                guard !queue.closed else { return false }
                queue.work.append {
                    do throws(E) {
                        continuation.resume(returning: .success(try body()))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
                return true
            }
            if accepted {
                available.signal()
            } else {
                continuation.resume(returning: .failure(CancellationError()))
            }
        }
        return try outcome.get()
    }

    /// Hands `body` to the thread without waiting for it (a report that must not block its
    /// caller). Dropped after `close()`.
    public func submit(_ body: @escaping @Sendable () -> Void) {
        let accepted = queue.withLock { queue in
            guard !queue.closed else { return false }
            queue.work.append(body)
            return true
        }
        if accepted { available.signal() }
    }

    /// Lets the thread finish the work already given to it, then end. Idempotent.
    public func close() {
        let wasOpen = queue.withLock { queue in
            defer { queue.closed = true }
            return !queue.closed
        }
        if wasOpen { available.signal() }
    }

    /// The name of the dedicated thread the caller runs on; nil on any other thread (the
    /// cooperative pool's, an event loop's). Foundation on Linux does not pass a thread's name
    /// to the system, so the thread keeps it in its own dictionary.
    static var currentName: String? {
        Thread.current.threadDictionary[nameKey] as? String
    }

    private static let nameKey = "aiprod.DedicatedThread.name"

    private func loop() {
        Thread.current.threadDictionary[Self.nameKey] = name
        while true {
            available.wait()
            let next: (@Sendable () -> Void)? = queue.withLock { queue in
                queue.work.isEmpty ? nil : queue.work.removeFirst()
            }
            if let next {
                next()
                continue
            }
            // Woken with nothing to do: only `close()` does that, once the queue is drained.
            if queue.withLock({ $0.closed && $0.work.isEmpty }) { return }
        }
    }
}
