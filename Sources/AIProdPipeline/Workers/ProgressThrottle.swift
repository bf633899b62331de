import AIProdCore
import Synchronization

/// Lets through at most one progress report per `interval` (4 a second by default): a render
/// reports every frame, and the store writes a row and wakes every SSE listener per report.
/// Stage starts and ends reach the store on their own (`stageStarted`, `stageFinished`), so a
/// report dropped here loses nothing a listener needs.
final class ProgressThrottle: Sendable {
    private let interval: Duration
    private let last = Mutex<ContinuousClock.Instant?>(nil)

    init(interval: Duration = .milliseconds(250)) {
        self.interval = interval
    }

    /// Whether a report should go out now (and, if so, counts it as sent).
    func admit(now: ContinuousClock.Instant = .now) -> Bool {
        last.withLock { last in
            if let previous = last, now - previous < interval { return false }
            last = now
            return true
        }
    }
}
