import ServiceLifecycle

/// Sends `STOPPING=1` the moment a graceful shutdown begins, so systemd shows the daemon as
/// deactivating while the workers and the server drain. Put it last in the service group: the
/// group shuts services down in reverse order, so it hears of the shutdown first.
public struct StoppingNoticeService: Service {
    let notifier: SystemdNotifier

    public init(notifier: SystemdNotifier) {
        self.notifier = notifier
    }

    public func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            // Cancelled: the group is ending anyway. Under load this task can be scheduled only
            // after the other services have drained and the group cancels it, the graceful
            // shutdown's notice unseen; systemd must still hear that the daemon is stopping.
            notifier.stopping(status: "stopping")
            return
        }
        notifier.stopping(status: "draining: finishing requests, releasing running jobs")
    }
}
