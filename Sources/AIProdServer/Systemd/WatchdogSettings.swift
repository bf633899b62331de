import Foundation

/// systemd's watchdog request (`WatchdogSec=` in the unit): `WATCHDOG_USEC` is the deadline
/// and `WATCHDOG_PID`, when set, the process it is meant for (a child that inherited the
/// variables must not answer for its parent).
public struct WatchdogSettings: Sendable, Hashable {
    /// The deadline systemd gives between two keep-alives.
    public var timeout: Duration

    public init(timeout: Duration) {
        self.timeout = timeout
    }

    /// How often to ping: half the deadline, as sd_watchdog_enabled(3) advises, so one late
    /// ping does not get the daemon killed; at least a millisecond, so an absurd deadline
    /// cannot turn the loop into a spin on the database.
    public var interval: Duration { max(timeout / 2, .milliseconds(1)) }

    /// nil when the watchdog is off: no or a malformed `WATCHDOG_USEC`, zero, or a
    /// `WATCHDOG_PID` that is not `pid`.
    public init?(environment: [String: String] = ProcessInfo.processInfo.environment,
                 pid: Int32 = ProcessInfo.processInfo.processIdentifier) {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else { return nil }
        if let owner = environment["WATCHDOG_PID"], !owner.isEmpty, Int32(owner) != pid { return nil }
        // A deadline beyond a year is nonsense; clamp it so the Duration arithmetic stays exact.
        timeout = .microseconds(Int64(min(microseconds, 365 * 86_400 * 1_000_000)))
    }
}
