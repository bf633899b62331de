import AIProdCore
import Synchronization

/// The seconds each stage took, in the order they finished (heard from the runner's thread).
final class StageTimes: Sendable {
    private let times = Mutex<[(StageName, Double)]>([])

    func add(_ stage: StageName, _ seconds: Double) { times.withLock { $0.append((stage, seconds)) } }

    var all: [(StageName, Double)] { times.withLock { $0 } }
}
