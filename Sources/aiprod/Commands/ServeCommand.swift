import AIProdCore
import AIProdPipeline
import AIProdServer
import AIProdStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// `aiprod serve --config FILE`: the daemon. The HTTP API and the worker pool run as one
/// `ServiceGroup`; SIGTERM or SIGINT shut both down gracefully (the pool first: its running
/// job goes back to the queue and resumes on the next start); SIGHUP reloads what can change
/// live. Under systemd (`Type=notify`) it reports READY/RELOADING/STOPPING and feeds the
/// watchdog (see docs/DAEMON.md).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the daemon: the HTTP API, the job queue and the workers.",
        discussion: "Prints \"listening on http://HOST:PORT\" once the socket is bound. See docs/DAEMON.md.")

    @OptionGroup var daemon: DaemonOptions

    /// The longest a graceful shutdown waits for open requests before cancelling them.
    static let shutdownGrace: Duration = .seconds(10)

    func run() async throws {
        let config = try daemon.load()
        let levels = SharedLogLevel(.info)
        let logger = DaemonLogging.bootstrap(config.log, level: levels)
        let systemd = SystemdNotifier()
        // Held until the daemon exits: `aiprod restore` refuses while it is.
        let lock: DataDirectoryLock
        do {
            lock = try DataDirectoryLock(dataDirectory: config.storage.dataDirectory)
        } catch {
            throw ExitCodes.report(error)
        }
        defer { withExtendedLifetime(lock) {} }
        let store = try DaemonStore.open(config, logger: logger)
        let runner: StudioFactory.LocalRunner
        do {
            let remote = RemoteStudio(config: config)
            // A provider a chain names but that cannot work (a ComfyUI workflow that does not
            // read): said once here; each job then skips it with a warning.
            for (name, reason) in remote.unusable.sorted(by: { $0.key < $1.key }) {
                logger.error("provider not usable: jobs will skip it", metadata: ["provider": "\(name)", "reason": "\(reason)"])
            }
            runner = try StudioFactory.runner(studio: config.studio, limits: config.limits, defaultPreset: config.render.defaultPreset,
                                              remote: remote, music: config.music)
        } catch {
            throw ExitCodes.report(error)
        }
        // One registry for `/metrics`: the server records into it and so do the workers, through
        // its factory (passed in: nothing is bootstrapped process-wide).
        let metrics = ServerMetrics()
        let pipelineMetrics = PipelineMetrics(factory: metrics.factory)
        var poolConfiguration = WorkerPoolConfiguration(config)
        poolConfiguration.metrics = pipelineMetrics
        let webhooks = WebhookNotifier(config: config.webhooks, store: store, logger: logger, metrics: pipelineMetrics)
        let pool = WorkerPool(store: store, runner: runner, notifier: webhooks,
                              configuration: poolConfiguration, logger: logger)
        let host = config.server.listen
        // Kept so a reload can apply a new `[rate_limit]` with `rateLimiter.update(_:)`.
        let rateLimiter = RateLimiter(config.rateLimit)
        let application = buildApplication(
            settings: ServerSettings(config), store: store,
            planner: StudioEstimator(config: config),
            prober: MediaProber(), logger: logger, rateLimiter: rateLimiter, metrics: metrics,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? config.server.port
                let shown = host.contains(":") ? "[\(host)]" : host
                // Unbuffered: whoever started the daemon (a test, a script) reads it at once.
                FileHandle.standardOutput.write(Data("listening on http://\(shown):\(port)\n".utf8))
                systemd.ready(status: "listening on http://\(shown):\(port)")
            })
        let environment = ProcessInfo.processInfo.environment
        let reloader = ConfigReloader(path: daemon.path(environment), environment: environment, started: config, logger: logger)
        DaemonReloadActions.register(on: reloader, levels: levels, webhooks: webhooks, rateLimiter: rateLimiter)
        let reload = await ReloadService(reloader: reloader, notifier: systemd, logger: logger)
        // Shut down in reverse order: the pool first (its job is released at once), then the
        // server finishes its requests. A client that holds a stream open (SSE) past
        // `shutdownGrace` is cut off: systemd's stop timeout must not be what ends the daemon.
        // `[workers] count = 0` is an API-only daemon: jobs queue until workers run against the
        // same database (the pool would return at once, and a returning service ends the group).
        // The watchdog first (stopped last: it pings while the others drain), STOPPING=1 last
        // (told first).
        var running: [any Service] = []
        if let watchdog = WatchdogSettings() {
            running.append(WatchdogService(notifier: systemd, settings: watchdog, logger: logger, probe: WatchdogService.storeProbe(store)))
        }
        running += config.workers.count > 0 ? [application, pool] : [application]
        if config.backup.daily {
            running.append(ScheduledBackupService(maker: BackupMaker(config), keep: config.backup.keep,
                                                  schedule: config.backup.schedule, logger: logger))
        }
        running += [reload, StoppingNoticeService(notifier: systemd)]
        var services = ServiceGroupConfiguration(services: running, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        services.maximumGracefulShutdownDuration = Self.shutdownGrace
        let group = ServiceGroup(configuration: services)
        do {
            try await group.run()
        } catch {
            logger.critical("daemon stopped on an error", metadata: ["error": "\(error)"])
            throw ExitCode(ExitCodes.failed)
        }
    }
}
