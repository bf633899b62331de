import AIProdStore
import Foundation
import Hummingbird

/// Bearer-token authentication and role checks for every route in ``RouteCatalog``. No token or
/// a bad one answers 401 (and is audited; a burst from one IP raises a `security_alert`); a
/// token whose role is below the route's answers 403. Open routes and unknown paths pass
/// through (the router answers 404 or 405 for the latter).
struct AuthMiddleware<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: RouterMiddleware {
    typealias Context = APIRequestContext

    let services: ServerServices<Store, Planner, Prober>
    let failures: AuthFailureTracker
    let successes: AuthSuccessThrottle

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let route = RouteCatalog.route(method: request.method, path: Substring(request.uri.path)),
              let required = services.settings.requiredRole(for: route) else {
            return try await next(request, context)
        }
        let resource = request.uri.path
        guard let secret = Self.bearer(request) else {
            await fail(context, resource: resource, detail: "no bearer token")
            throw APIError.unauthorized
        }
        let now = Date()
        let token = try await services.store { try $0.authenticate(secret: secret, now: now) }
        guard let token else {
            await fail(context, resource: resource, detail: "unknown or revoked token")
            throw APIError(.unauthorized, code: "unauthorized", "the token is unknown or revoked")
        }
        context.identity.token = token
        if successes.shouldRecord(tokenID: token.id, now: now) {
            await services.audit(.authSuccess, context, resource: resource)
        }
        guard token.role >= required else {
            throw APIError(.forbidden, code: "forbidden", "this needs the \(required.rawValue) role; the token is \(token.role.rawValue)")
        }
        return try await next(request, context)
    }

    private func fail(_ context: Context, resource: String, detail: String) async {
        await services.audit(.authFailure, context, resource: resource, detail: detail)
        if failures.recordFailure(ip: context.clientIP, now: Date()) {
            await services.audit(
                .securityAlert, context, resource: resource,
                detail: "\(failures.threshold) failed authentications from \(context.clientIP) within \(Int(failures.window)) s"
            )
        }
    }

    /// The secret of an `Authorization: Bearer <secret>` header (scheme case-insensitive).
    static func bearer(_ request: Request) -> String? {
        guard let value = request.headers[.authorization] else { return nil }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let secret = parts[1].trimmingCharacters(in: .whitespaces)
        return secret.isEmpty || secret.utf8.count > 512 ? nil : secret
    }
}
