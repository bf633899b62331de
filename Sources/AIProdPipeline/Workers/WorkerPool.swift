import AIProdCore
import AIProdStore
import Foundation
import Logging
import ServiceLifecycle

/// The daemon's workers, as a service of its `ServiceGroup`: N workers that take jobs from the
/// durable queue and run their stages, each on a thread of its own.
///
/// - At start every `running` job is handed back to the queue: one process owns every lease,
///   so whatever was running belonged to a process that crashed or was killed.
/// - An idle worker sleeps until the store publishes `.enqueued` (or a job goes back to
///   `queued`): no polling. It also wakes when the earliest backoff retry is due.
/// - A client's cancel, seen on the event stream or by the heartbeat, stops the running stage
///   (each stage checks its cancellation within a second) and marks the job canceled.
/// - Graceful shutdown (SIGTERM through the group) stops claiming and stops the running stages;
///   their jobs are released — queued again, the attempt not counted — and the next start
///   resumes each at its first unfinished stage, the finished ones' files being kept.
public struct WorkerPool<Store: JobStore, Runner: StageRunning, Notifier: JobEndNotifier>: Service {
    let store: Store
    let runner: Runner
    let notifier: Notifier
    let configuration: WorkerPoolConfiguration
    let logger: Logger

    public init(store: Store, runner: Runner, notifier: Notifier, configuration: WorkerPoolConfiguration, logger: Logger) {
        self.store = store
        self.runner = runner
        self.notifier = notifier
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        let storeThread = DedicatedThread(name: "aiprod-store")
        let threads = (0..<configuration.workers).map { DedicatedThread(name: "aiprod-worker-\($0 + 1)") }
        defer {
            storeThread.close()
            for thread in threads { thread.close() }
        }
        let store = store
        let reclaimed = try await storeThread.run { () throws(StoreError) in try store.reclaimAllRunning() }
        logger.info("worker pool starting", metadata: ["workers": "\(configuration.workers)", "reclaimed": "\(reclaimed)"])
        let shared = WorkerPoolState()
        // Subscribed before the first claim, so no enqueue falls between the two.
        let events = store.events.subscribe(nil)
        let workers = threads.enumerated().map { index, thread in
            let name = "\(configuration.workerPrefix)-\(index + 1)"
            var logger = logger
            logger[metadataKey: "worker"] = "\(name)"
            return JobWorker(name: name,
                             execution: JobExecution(store: store, runner: runner, configuration: configuration, worker: name, logger: logger),
                             thread: thread, storeThread: storeThread, shared: shared, logger: logger)
        }
        await withTaskCancellationOrGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask { await follow(events, shared: shared) }
                group.addTask { await reclaimExpiredLeases(on: storeThread, shared: shared) }
                group.addTask { await announce(shared.ended) }
                await withDiscardingTaskGroup { group in
                    for worker in workers {
                        group.addTask { await worker.run() }
                    }
                }
                // The workers are done: the listeners and deliveries in flight end with them.
                shared.finishEndings()
                group.cancelAll()
            }
        } onCancelOrGracefulShutdown: {
            shared.stop()
        }
        logger.info("worker pool stopped")
    }

    /// Wakes a worker for each enqueue; stops a running job whose cancel was requested.
    private func follow(_ events: AsyncStream<JobEvent>, shared: WorkerPoolState) async {
        for await event in events {
            switch event {
            case .enqueued:
                // New, retried, released or reclaimed: the store says `.enqueued` for each.
                shared.wake.notify()
            case .changed(let job):
                if job.state == .running, job.cancelRequested {
                    shared.running.stop(job.id, .cancelRequested)
                }
            case .progress:
                break
            }
        }
    }

    /// Hands back jobs whose lease lapsed (a worker that hung), every `leaseCheck`.
    private func reclaimExpiredLeases(on thread: DedicatedThread, shared: WorkerPoolState) async {
        let store = store
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: configuration.leaseCheck)
                let count = try await thread.run { () throws(StoreError) in try store.reclaimExpiredLeases(now: Date()) }
                if count > 0 {
                    logger.warning("expired leases reclaimed", metadata: ["jobs": "\(count)"])
                    shared.wake.notify()
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("lease reclaim failed", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Tells the notifier (webhooks) of each job that ended, each delivery on its own so a
    /// slow receiver holds up no other.
    private func announce(_ ended: AsyncStream<JobRecord>) async {
        let notifier = notifier
        await withDiscardingTaskGroup { group in
            for await job in ended {
                group.addTask { await notifier.jobEnded(job) }
            }
        }
    }
}

extension WorkerPool where Notifier == NoJobEndNotifier {
    /// A pool that sends no webhooks.
    public init(store: Store, runner: Runner, configuration: WorkerPoolConfiguration, logger: Logger) {
        self.init(store: store, runner: runner, notifier: NoJobEndNotifier(), configuration: configuration, logger: logger)
    }
}
