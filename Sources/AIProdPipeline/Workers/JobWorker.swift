import AIProdCore
import AIProdStore
import Foundation
import Logging

/// One worker of the pool: claims a job, runs it on its own thread while a heartbeat keeps the
/// lease, and goes back for the next; when the queue is empty it sleeps until woken (an
/// enqueue) or until the next backoff retry is due. Its async side only waits: every store
/// call and every stage runs on a ``DedicatedThread``.
struct JobWorker<Store: JobStore, Runner: StageRunning>: Sendable {
    let name: String
    let execution: JobExecution<Store, Runner>
    /// This worker's own thread: claims and whole attempts.
    let thread: DedicatedThread
    /// The pool's thread for short store calls made while the worker's thread is busy rendering
    /// (heartbeats).
    let storeThread: DedicatedThread
    let shared: WorkerPoolState
    let logger: Logger

    private var store: Store { execution.store }
    private var configuration: WorkerPoolConfiguration { execution.configuration }

    /// What the worker found when it looked at the queue.
    private enum Look: Sendable {
        case job(ClaimedJob)
        /// Nothing claimable; the earliest `run_at` among queued jobs, if any.
        case idle(Date?)
    }

    /// Runs until the pool stops.
    func run() async {
        while !shared.isStopping {
            let look: Look
            do {
                let store = store, name = name
                look = try await thread.run { () throws(StoreError) -> Look in
                    if let claimed = try store.claim(worker: name, now: Date()) { return .job(claimed) }
                    return .idle(try store.nextRunAt())
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("claim failed", metadata: ["error": "\(error)"])
                await shared.wake.wait(timeout: .seconds(1))
                continue
            }
            switch look {
            case .job(let claimed):
                // Another idle worker may find a second job waiting.
                shared.wake.notify()
                await execute(claimed)
            case .idle(let next):
                await shared.wake.wait(timeout: sleep(until: next))
            }
        }
    }

    /// How long to sleep with nothing to claim: until the next retry is due, at most
    /// `idleRecheck`.
    private func sleep(until next: Date?) -> Duration {
        guard let next else { return configuration.idleRecheck }
        let seconds = next.timeIntervalSinceNow
        guard seconds.isFinite, seconds > 0 else { return .milliseconds(5) }
        return min(.milliseconds(Int64(min(seconds, 86_400) * 1000) + 1), configuration.idleRecheck)
    }

    private func execute(_ claimed: ClaimedJob) async {
        let id = claimed.job.id
        let control = JobControl()
        shared.running.insert(id, control)
        defer { shared.running.remove(id) }
        // A claim that raced the shutdown: the attempt stops before its first stage and the
        // job goes back to the queue.
        if shared.isStopping { control.stop(.shutdown) }
        let execution = execution
        let outcome: JobOutcome? = await withTaskGroup(of: Void.self) { group in
            group.addTask { await heartbeat(id, control: control) }
            defer { group.cancelAll() }
            return await withTaskCancellationHandler {
                try? await thread.run { execution.run(claimed, control: control) }
            } onCancel: {
                control.stop(.shutdown)
            }
        }
        if let label = outcome?.metricLabel {
            configuration.metrics.attemptEnded(label)
        }
        if let record = outcome?.terminalRecord {
            shared.ended(record)
        }
    }

    /// Renews the lease every `heartbeat` until cancelled. A refused heartbeat means the
    /// cancel was requested (stop and mark it canceled) or the lease is gone (stop, write
    /// nothing): the job's record tells which.
    private func heartbeat(_ id: JobID, control: JobControl) async {
        let store = store, name = name
        while true {
            do {
                try await Task.sleep(for: configuration.heartbeat)
            } catch {
                return
            }
            let alive: Bool
            do {
                alive = try await storeThread.run { () throws(StoreError) in try store.heartbeat(id, worker: name, now: Date()) }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("heartbeat failed", metadata: ["job_id": "\(id)", "error": "\(error)"])
                continue
            }
            guard !alive else { continue }
            let record = try? await storeThread.run { () throws(StoreError) in try store.job(id) }
            let owned = record?.state == .running && record?.leaseOwner == name
            control.stop(owned && record?.cancelRequested == true ? .cancelRequested : .leaseLost)
            return
        }
    }
}
