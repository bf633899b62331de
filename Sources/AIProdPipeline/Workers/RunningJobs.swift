import AIProdStore
import Synchronization

/// The jobs the pool's workers are running now, by id: how a cancel seen on the event stream,
/// or a shutdown, reaches the right stage.
final class RunningJobs: Sendable {
    private let controls = Mutex<[JobID: JobControl]>([:])

    func insert(_ id: JobID, _ control: JobControl) {
        controls.withLock { $0[id] = control }
    }

    func remove(_ id: JobID) {
        _ = controls.withLock { $0.removeValue(forKey: id) }
    }

    func stop(_ id: JobID, _ why: StopReason) {
        controls.withLock { $0[id] }?.stop(why)
    }

    func stopAll(_ why: StopReason) {
        for control in controls.withLock({ Array($0.values) }) { control.stop(why) }
    }

    var count: Int { controls.withLock { $0.count } }
}
