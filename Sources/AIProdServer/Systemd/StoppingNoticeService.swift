import ServiceLifecycle

/// Sends `STOPPING=1` the moment a graceful shutdown begins, so systemd shows the daemon as
/// deactivating while the workers and the server drain. Put it last in the service group: the
/// group shuts services down in reverse order, so it hears of the shutdown first.
public struct StoppingNoticeService: Service {
    let notifier: SystemdNotifier
    /// The notice is sent without blocking; while the receiver's queue is full (a reader that
    /// has fallen behind the watchdog's pings) it is tried again this many times, 50 ms apart,
    /// rather than lost.
    static let attempts = 100

    public init(notifier: SystemdNotifier) {
        self.notifier = notifier
    }

    public func run() async throws {
        var status = "draining: finishing requests, releasing running jobs"
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled: the group is ending anyway. Under load this task can be scheduled only
            // after the other services have drained and the group cancels it, the graceful
            // shutdown's notice unseen; systemd must still hear that the daemon is stopping.
            status = "stopping"
        }
        guard notifier.isEnabled else { return }
        // Detached: a cancelled group still wants the notice out, and a cancelled task's sleeps
        // would not wait between the tries.
        let notifier = notifier, message = status
        await Task.detached {
            for attempt in 0..<Self.attempts {
                if notifier.stopping(status: message) { return }
                if attempt + 1 < Self.attempts { try? await Task.sleep(for: .milliseconds(50)) }
            }
        }.value
    }
}
