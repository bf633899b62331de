import AIProdPipeline
import AIProdServer
import AIProdStore

/// What SIGHUP changes on the running daemon; every other key is logged as needing a restart.
/// Register one action per live setting here (rate limits go beside these, a whole section
/// with `reloader.register(\.section) { owner.update($0) }`).
enum DaemonReloadActions {
    static func register<Store: JobStore>(on reloader: ConfigReloader, levels: SharedLogLevel, webhooks: WebhookNotifier<Store>) {
        reloader.register(owns: ["log.level"]) { config in
            levels.set(DaemonLogging.level(config.log)) ? ["log.level"] : []
        }
        reloader.register(\.webhooks) { webhooks.update($0) }
    }
}
