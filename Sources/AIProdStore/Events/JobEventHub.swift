import Foundation
import Synchronization

/// Fans the store's events out to listeners: idle workers wake on `.enqueued` instead of
/// polling, SSE streams follow one job. `publish` never blocks and never waits on a slow
/// listener: each stream keeps only its newest events.
public final class JobEventHub: Sendable {
    private struct Subscriber {
        var filter: JobID?
        var continuation: AsyncStream<JobEvent>.Continuation
    }

    private struct State {
        var nextKey = 0
        var subscribers: [Int: Subscriber] = [:]
    }

    private let state = Mutex(State())
    /// Events a listener may fall behind by before the oldest are dropped.
    private let bufferSize: Int

    public init(bufferSize: Int = 256) {
        self.bufferSize = max(1, bufferSize)
    }

    /// The events about one job, or every event with nil. The stream ends when its consumer
    /// stops iterating (the subscription is then removed).
    public func subscribe(_ id: JobID?) -> AsyncStream<JobEvent> {
        let (stream, continuation) = AsyncStream<JobEvent>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let key = state.withLock { state in
            let key = state.nextKey
            state.nextKey += 1
            state.subscribers[key] = Subscriber(filter: id, continuation: continuation)
            return key
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { state in _ = state.subscribers.removeValue(forKey: key) }
        }
        return stream
    }

    public func publish(_ event: JobEvent) {
        let targets = state.withLock { state in
            state.subscribers.values.compactMap { subscriber in
                subscriber.filter == nil || subscriber.filter == event.jobID ? subscriber.continuation : nil
            }
        }
        // Outside the lock: yielding may run the termination handler, which takes it.
        for continuation in targets {
            continuation.yield(event)
        }
    }

    /// How many streams are open (for tests and `/metrics`).
    public var subscriberCount: Int {
        state.withLock { $0.subscribers.count }
    }
}
