import Foundation
import NIOConcurrencyHelpers

/// Counts failed authentications per client IP in a sliding window, so that a burst of bad
/// tokens from one address raises one `security_alert` (per window), not one per request.
final class AuthFailureTracker: Sendable {
    let threshold: Int
    let window: TimeInterval
    private let state = NIOLockedValueBox<[String: [Date]]>([:])

    init(threshold: Int = 5, window: TimeInterval = 60) {
        self.threshold = threshold
        self.window = window
    }

    /// Records a failure; true exactly when this failure reaches the threshold in the window.
    func recordFailure(ip: String, now: Date) -> Bool {
        state.withLockedValue { all in
            if all.count > 10_000 { all.removeAll() }  // bounded memory under a spray of addresses
            var recent = (all[ip] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            all[ip] = recent
            return recent.count == threshold
        }
    }
}
