import AIProdStore
import Synchronization

/// What a pool's workers share: whether the pool is stopping, the signal that wakes idle
/// workers, the jobs running now, and the queue of ended jobs waiting for their webhook.
final class WorkerPoolState: Sendable {
    let wake = WakeSignal()
    let running = RunningJobs()
    private let stopping = Atomic<Bool>(false)
    private let endings: AsyncStream<JobRecord>.Continuation
    /// Jobs that reached a terminal state, for the notifier.
    let ended: AsyncStream<JobRecord>

    init() {
        (ended, endings) = AsyncStream<JobRecord>.makeStream()
    }

    var isStopping: Bool { stopping.load(ordering: .relaxed) }

    /// Stop claiming, stop every running job at its next check (it goes back to the queue),
    /// wake the idle workers so they see it. Idempotent.
    func stop() {
        stopping.store(true, ordering: .relaxed)
        running.stopAll(.shutdown)
        wake.close()
    }

    func ended(_ job: JobRecord) {
        endings.yield(job)
    }

    /// No more endings: the notifier's loop ends once it has taken the ones queued.
    func finishEndings() {
        endings.finish()
    }
}
