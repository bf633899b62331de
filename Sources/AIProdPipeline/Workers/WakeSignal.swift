import Synchronization

/// Wakes idle workers when there may be work: a job was enqueued (the store's `.enqueued`
/// event), retried, or a lease was reclaimed. Notify, don't poll: an idle worker sleeps here
/// until told, or until its own deadline (the next backoff retry).
///
/// A notification nobody waits for is kept as one permit, so a worker that checked the queue
/// just before an enqueue and then starts waiting returns at once instead of missing it.
final class WakeSignal: Sendable {
    private struct State {
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        /// Waiter ids in arrival order: the longest-idle worker wakes first.
        var order: [Int] = []
        var nextID = 0
        var permit = false
        var closed = false
    }

    private let state = Mutex(State())

    /// Wakes one waiting worker, or leaves a permit for the next to wait.
    func notify() {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let id = state.order.first else {
                state.permit = true
                return nil
            }
            state.order.removeFirst()
            return state.waiters.removeValue(forKey: id)
        }
        continuation?.resume()
    }

    /// Wakes every waiter now and every later wait at once: the pool is stopping.
    func close() {
        let all = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.closed = true
            defer {
                state.waiters = [:]
                state.order = []
            }
            return Array(state.waiters.values)
        }
        for continuation in all { continuation.resume() }
    }

    /// Returns when notified, after `timeout` (nil: no deadline), when closed, or when the
    /// task is cancelled, whichever comes first.
    func wait(timeout: Duration?) async {
        let id = state.withLock { state in
            defer { state.nextID &+= 1 }
            return state.nextID
        }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForNotification(id) }
            if let timeout {
                group.addTask {
                    try? await Task.sleep(for: timeout)
                    self.resume(id)
                }
            }
            await group.next()
            group.cancelAll()
            self.resume(id)
        }
    }

    private func waitForNotification(_ id: Int) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.closed || Task.isCancelled { return true }
                    if state.permit {
                        state.permit = false
                        return true
                    }
                    state.waiters[id] = continuation
                    state.order.append(id)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            resume(id)
        }
    }

    /// Ends the wait `id` if it is still registered (a timeout or a cancel).
    private func resume(_ id: Int) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let continuation = state.waiters.removeValue(forKey: id) else { return nil }
            state.order.removeAll { $0 == id }
            return continuation
        }
        continuation?.resume()
    }
}
