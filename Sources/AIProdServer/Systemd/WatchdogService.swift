import AIProdStore
import Logging
import ServiceLifecycle

/// Pings systemd's watchdog (`WATCHDOG=1`) every ``WatchdogSettings/interval`` for as long as
/// the daemon is alive, and only then: each ping goes through `probe`, a cheap real check (the
/// store answers a trivial read), so a daemon whose database or thread pool is wedged stops
/// pinging and systemd restarts it. Put it first in the service group: it is shut down last
/// and keeps pinging while the others drain.
public struct WatchdogService: Service {
    let notifier: SystemdNotifier
    let settings: WatchdogSettings
    let probe: @Sendable () async throws -> Void
    let logger: Logger

    public init(notifier: SystemdNotifier, settings: WatchdogSettings, logger: Logger,
                probe: @escaping @Sendable () async throws -> Void) {
        self.notifier = notifier
        self.settings = settings
        self.probe = probe
        self.logger = logger
    }

    public func run() async throws {
        logger.info("systemd watchdog on", metadata: ["interval": "\(settings.interval)"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await probe()
                    notifier.watchdog()
                } catch {
                    logger.error("watchdog check failed; not pinging systemd", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: settings.interval)
            }
        }
    }

    /// The check a ping goes through: one indexed read of the queue, on the blocking pool (so a
    /// wedged pool or a locked database both stop the pings).
    public static func storeProbe<Store: JobStore>(_ store: Store) -> @Sendable () async throws -> Void {
        let blocking = Blocking()
        return { _ = try await blocking.run { try store.nextRunAt() } }
    }
}
