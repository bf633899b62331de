import AIProdPipeline
import AIProdServer
import AIProdStore

/// What SIGHUP changes on the running daemon; every other key is logged as needing a restart.
/// Register one action per live setting here (a whole section with
/// `reloader.register(\.section) { owner.update($0) }`).
enum DaemonReloadActions {
    static func register<Store: JobStore>(
        on reloader: ConfigReloader, levels: SharedLogLevel, webhooks: WebhookNotifier<Store>, rateLimiter: RateLimiter
    ) {
        reloader.register(owns: ["log.level"]) { config in
            levels.set(DaemonLogging.level(config.log)) ? ["log.level"] : []
        }
        reloader.register(\.webhooks) { webhooks.update($0) }
        // The buckets stay, cut down to the new burst: a reload is no way round a limit.
        reloader.register(\.rateLimit) { rateLimiter.update($0) }
    }
}
