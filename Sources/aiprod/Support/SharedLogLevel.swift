import Logging
import Synchronization

/// The daemon's log level, one for every logger in the process, so a SIGHUP that changes
/// `[log] level` takes effect on every line from then on. Read on every log call: an atomic,
/// not a lock.
final class SharedLogLevel: Sendable {
    private static let levels = Logger.Level.allCases
    private let index: Atomic<Int>

    init(_ level: Logger.Level) {
        index = Atomic(Self.levels.firstIndex(of: level) ?? 0)
    }

    var level: Logger.Level {
        get { Self.levels[index.load(ordering: .relaxed)] }
    }

    /// Sets the level; returns whether it changed.
    @discardableResult
    func set(_ level: Logger.Level) -> Bool {
        let new = Self.levels.firstIndex(of: level) ?? 0
        return index.exchange(new, ordering: .relaxed) != new
    }
}
