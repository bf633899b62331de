import Foundation
import NIOConcurrencyHelpers

/// Writes an `auth_success` audit row at most once a minute per token: the log records that a
/// token is in use without one write per request.
final class AuthSuccessThrottle: Sendable {
    let interval: TimeInterval
    private let last = NIOLockedValueBox<[String: Date]>([:])

    init(interval: TimeInterval = 60) {
        self.interval = interval
    }

    /// True when this success should be audited (and remembers it).
    func shouldRecord(tokenID: String, now: Date) -> Bool {
        last.withLockedValue { last in
            if let previous = last[tokenID], now.timeIntervalSince(previous) < interval { return false }
            last[tokenID] = now
            return true
        }
    }
}
