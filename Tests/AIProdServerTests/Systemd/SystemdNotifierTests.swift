import AIProdServer
import Foundation
import Testing
import AIProdTestSupport

/// sd_notify against a datagram socket bound here, as systemd's would be: a path and an
/// abstract name, the messages' exact lines, and the no-op cases.
@Suite("systemd notify")
struct SystemdNotifierTests {
    /// A short socket path: `sun_path` holds 108 bytes, and the scratch folders are long.
    static func socketPath() -> String { "/tmp/aiprod-notify-\(UUID().uuidString.prefix(8)).sock" }

    @Test("READY, STATUS, RELOADING with MONOTONIC_USEC, STOPPING and WATCHDOG reach a socket at a path",
          arguments: [false, true])
    func messages(abstract: Bool) async throws {
        let receiver = try NotifyReceiver(address: abstract ? "@aiprod-test-\(UUID().uuidString.prefix(8))" : Self.socketPath())
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        #expect(notifier.isEnabled)
        #expect(notifier.ready(status: "listening on http://127.0.0.1:1\nSECRET=1"))
        #expect(notifier.reloading())
        #expect(notifier.watchdog())
        #expect(notifier.stopping())
        let messages = await receiver.wait { $0.count >= 4 }
        try #require(messages.count == 4, "\(messages)")
        // A newline in a value must not smuggle in an assignment.
        #expect(messages[0] == "READY=1\nSTATUS=listening on http://127.0.0.1:1 SECRET=1\n")
        let reloading = messages[1].split(separator: "\n")
        #expect(reloading.first == "RELOADING=1")
        let usec = try #require(reloading.dropFirst().first?.split(separator: "=", maxSplits: 1), "\(messages[1])")
        #expect(usec.first == "MONOTONIC_USEC" && UInt64(usec.last ?? "") ?? 0 > 0, "\(messages[1])")
        #expect(messages[2] == "WATCHDOG=1\n")
        #expect(messages[3] == "STOPPING=1\n")
    }

    @Test("no NOTIFY_SOCKET, an empty, relative or over-long one: disabled, every call a no-op",
          arguments: [nil, "", "run/notify", "@", "/" + String(repeating: "x", count: 200)])
    func disabled(value: String?) {
        let notifier = SystemdNotifier(environment: value.map { ["NOTIFY_SOCKET": $0] } ?? [:])
        #expect(!notifier.isEnabled)
        #expect(!notifier.ready())
        #expect(!notifier.watchdog())
    }

    @Test("a socket nobody listens on: the send fails, nothing throws or crashes")
    func nobodyListening() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": Self.socketPath()])
        #expect(notifier.isEnabled)
        #expect(!notifier.ready())
    }

    @Test("WATCHDOG_USEC: half of it between pings; off when absent, zero, malformed or for another pid")
    func watchdogSettings() {
        let pid: Int32 = 4242
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "30000000"], pid: pid)?.interval == .seconds(15))
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4242"], pid: pid)?.timeout == .seconds(30))
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4243"], pid: pid) == nil)
        #expect(WatchdogSettings(environment: [:], pid: pid) == nil)
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "0"], pid: pid) == nil)
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "-5"], pid: pid) == nil)
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "1e6"], pid: pid) == nil)
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "1"], pid: pid)?.interval == .milliseconds(1), "never a spin")
        // Absurdly large: clamped, not a trap.
        #expect(WatchdogSettings(environment: ["WATCHDOG_USEC": "\(UInt64.max)"], pid: pid)?.timeout == .seconds(365 * 86_400))
    }
}
