import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells systemd (a `Type=notify` unit) how the daemon is doing, with the sd_notify datagram
/// protocol and no libsystemd: `READY=1` once it listens, `RELOADING=1` … `READY=1` around a
/// reload, `STOPPING=1` at shutdown, `WATCHDOG=1` keep-alives. Without `NOTIFY_SOCKET` (a
/// terminal, a test, another supervisor) every call is a no-op, so callers never check.
public struct SystemdNotifier: Sendable {
    private let socket: NotifySocket?

    /// Reads `NOTIFY_SOCKET` from `environment`; an unusable value disables the notifier like
    /// an absent one (systemd sets a valid one; anything else is not systemd asking).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socket = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : NotifySocket($0) }
    }

    /// Whether there is a service manager to tell.
    public var isEnabled: Bool { socket != nil }

    /// `READY=1`, with a one-line `STATUS=` systemctl shows.
    @discardableResult
    public func ready(status: String? = nil) -> Bool {
        send([("READY", "1")] + (status.map { [("STATUS", $0)] } ?? []))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC` (required by `Type=notify-reload`, harmless
    /// otherwise); follow it with ``ready(status:)`` once the reload is done.
    @discardableResult
    public func reloading() -> Bool {
        send([("RELOADING", "1"), ("MONOTONIC_USEC", String(Self.monotonicMicroseconds()))])
    }

    /// `STOPPING=1`: the stop has begun (systemd shows "deactivating" and waits).
    @discardableResult
    public func stopping(status: String? = nil) -> Bool {
        send([("STOPPING", "1")] + (status.map { [("STATUS", $0)] } ?? []))
    }

    /// `WATCHDOG=1`: the daemon is alive; see ``WatchdogService``.
    @discardableResult
    public func watchdog() -> Bool {
        send([("WATCHDOG", "1")])
    }

    /// One datagram of `KEY=value` lines. A newline inside a value would start a new
    /// assignment, so it is replaced by a space. False when there is no manager or it did not
    /// take the message.
    @discardableResult
    public func send(_ assignments: [(key: String, value: String)]) -> Bool {
        guard let socket else { return false }
        let message = assignments.map { "\($0.key)=\($0.value.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n")
        return socket.send(message + "\n")
    }

    /// `CLOCK_MONOTONIC` in microseconds, the clock systemd compares reload times on.
    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000 &+ UInt64(now.tv_nsec) / 1_000
    }
}
