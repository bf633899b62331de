import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP (`systemctl reload`, `ExecReload=kill -HUP $MAINPID`),
/// on the blocking pool (it reads a file), telling systemd `RELOADING=1` before and `READY=1` after, until the daemon shuts down.
public struct ReloadService: Service {
    let reloader: ConfigReloader
    let notifier: SystemdNotifier
    let logger: Logger
    let signals: UnixSignalsSequence

    /// Traps SIGHUP from here on (its default action ends the process): make it before the
    /// daemon says it is ready, so no reload request can arrive untrapped.
    public init(reloader: ConfigReloader, notifier: SystemdNotifier, logger: Logger) async {
        self.reloader = reloader
        self.notifier = notifier
        self.logger = logger
        self.signals = await UnixSignalsSequence(trapping: .sighup)
    }

    public func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            logger.info("SIGHUP: reloading the configuration")
            notifier.reloading()
            let reloader = reloader
            do {
                let report = try await Blocking().run { reloader.reload() }
                notifier.ready(status: report.error == nil ? "reloaded" : "reload failed; running with the previous configuration")
            } catch {
                logger.error("configuration not reloaded: the blocking pool is not running", metadata: ["error": "\(error)"])
                notifier.ready(status: "reload failed; running with the previous configuration")
            }
        }
    }
}
