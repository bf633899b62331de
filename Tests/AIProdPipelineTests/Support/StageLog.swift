import AIProdCore
import AIProdPipeline
import Synchronization

/// Records the events a run reports, from its thread.
final class StageLog: Sendable {
    private let events = Mutex<[(StageName, StageEvent)]>([])

    func record(_ stage: StageName, _ event: StageEvent) { events.withLock { $0.append((stage, event)) } }

    var all: [(StageName, StageEvent)] { events.withLock { $0 } }

    func stages(_ matching: (StageEvent) -> Bool) -> [StageName] { all.filter { matching($0.1) }.map(\.0) }

    var ran: [StageName] { stages { if case .finished = $0 { true } else { false } } }
    var skipped: [StageName] { stages { if case .skipped = $0 { true } else { false } } }
}
