import AIProdServer
import Foundation
import Logging
import Synchronization
import Testing
import AIProdTestSupport

/// The watchdog pings only while its check passes. The loop checks, then pings, then sleeps,
/// one step after the other: once a failing check has run twice, a ping from an earlier
/// passing check has long landed, so the count is compared between failing checks, not
/// against the clock; the deadlines are only there so a broken build ends.
@Suite("systemd watchdog service")
struct WatchdogServiceTests {
    final class Probe: Sendable {
        let state = Mutex((healthy: true, failures: 0))
        struct Wedged: Error {}

        func check() throws {
            try state.withLock { state in
                guard state.healthy else {
                    state.failures += 1
                    throw Wedged()
                }
            }
        }

        var failures: Int { state.withLock { $0.failures } }

        func waitForFailures(_ count: Int) async {
            let deadline = ContinuousClock.now + .seconds(240)
            while failures < count, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        }
    }

    @Test("pings after each passing check; a failing check stops the pings; they resume once it passes")
    func pingsWhileHealthy() async throws {
        let receiver = try NotifyReceiver(address: SystemdNotifierTests.socketPath())
        let probe = Probe()
        let watchdog = WatchdogService(
            notifier: SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address]),
            settings: WatchdogSettings(timeout: .milliseconds(40)),
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            probe: { try probe.check() })
        let running = Task { try await watchdog.run() }
        defer { running.cancel() }

        let pings = await receiver.wait { $0.count >= 3 }
        #expect(pings.count >= 3 && pings.allSatisfy { $0 == "WATCHDOG=1\n" }, "\(pings)")

        probe.state.withLock { $0.healthy = false }
        await probe.waitForFailures(1)
        let before = receiver.messages.count
        await probe.waitForFailures(4)
        #expect(probe.failures >= 4)
        #expect(receiver.messages.count == before, "no ping while the check fails")

        probe.state.withLock { $0.healthy = true }
        await receiver.wait { $0.count > before }
        #expect(receiver.messages.count > before, "pings again once the check passes")

        running.cancel()
        _ = try? await running.value
    }
}
