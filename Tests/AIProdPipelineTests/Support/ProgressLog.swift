import AIProdCore
import Synchronization

/// Records the progress a run reports.
final class ProgressLog: Sendable {
    private let reports = Mutex<[JobProgress]>([])

    func record(_ progress: JobProgress) { reports.withLock { $0.append(progress) } }

    func fractions(_ stage: StageName) -> [Double] { reports.withLock { $0.filter { $0.stage == stage }.map(\.fraction) } }
}
