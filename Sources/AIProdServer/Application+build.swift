import AIProdCore
import AIProdStore
import Foundation
import Hummingbird
import Logging
import NIOCore

/// Builds the HTTP API over a store, a dry-run planner and an upload prober. Generic, so the
/// daemon passes its concrete types and nothing is boxed per request.
///
/// - Parameters:
///   - rateLimiter: `[rate_limit]`'s buckets; the daemon keeps it to ``RateLimiter/update(_:)`` on
///     reload. Disabled unless passed.
///   - metrics: the registry `/metrics` writes out; the daemon shares its factory with the
///     worker pool. A fresh one by default.
///   - onServerRunning: called with the bound channel once listening (port 0 in tests: read
///     `channel.localAddress?.port`).
public func buildApplication<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>(
    settings: ServerSettings,
    store: Store,
    planner: Planner,
    prober: Prober,
    logger: Logger,
    rateLimiter: RateLimiter = .disabled,
    metrics: ServerMetrics = ServerMetrics(),
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let router = buildRouter(settings: settings, store: store, planner: planner, prober: prober, logger: logger,
                             rateLimiter: rateLimiter, metrics: metrics)
    return Application(
        router: router,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "aiprod"),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// The router alone (every route of ``RouteCatalog`` behind the error and auth middlewares).
public func buildRouter<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>(
    settings: ServerSettings, store: Store, planner: Planner, prober: Prober, logger: Logger,
    rateLimiter: RateLimiter = .disabled,
    metrics: ServerMetrics = ServerMetrics()
) -> Router<APIRequestContext> {
    let services = ServerServices(
        store: store, planner: planner, prober: prober, settings: settings, logger: logger,
        blocking: Blocking(), metrics: metrics, assets: AssetFolder(root: settings.assetsDirectory)
    )
    let submission = JobSubmission(services: services)
    let router = Router(context: APIRequestContext.self)
    // Order matters: middlewares wrap only the routes added after them.
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ErrorMiddleware(services: services))
    router.add(middleware: RateLimitMiddleware(limiter: rateLimiter, scope: .address))
    router.add(middleware: AuthMiddleware(services: services, failures: AuthFailureTracker(), successes: AuthSuccessThrottle()))
    router.add(middleware: RateLimitMiddleware(limiter: rateLimiter, scope: .token))
    PipelineRoutes(services: services, submission: submission).register(on: router)
    EventRoutes(services: services).register(on: router)
    DownloadRoutes(services: services).register(on: router)
    CreditsRoutes(services: services).register(on: router)
    EstimateRoutes(services: services, submission: submission).register(on: router)
    AssetRoutes(services: services).register(on: router)
    AdminRoutes(services: services).register(on: router)
    StatusRoutes(services: services).register(on: router)
    InfoRoutes(services: services, openAPI: ByteBuffer(data: OpenAPIDocument.json(version: settings.version))).register(on: router)
    return router
}
