import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `GET /status`: the built-in status page. Open to `[status] allow_cidrs`; anyone else needs a
/// token of any role, in the `Authorization` header or in the cookie that `/status?token=…`
/// sets (then redirects to `/status`, so the secret leaves the address bar and the history at
/// once). The route is "open" to the auth middleware, which knows neither the allowlist nor the
/// cookie: this handler checks for itself.
struct StatusRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.get("/status") { request, context in try await status(request, context) }
    }

    func status(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        if let secret = request.uri.queryParameters["token"].map(String.init) {
            // A token in the address: trade it for the cookie, whoever asks (the allowlist does
            // not make a bad token good).
            guard StatusCookie.isSane(secret), try await authenticate(secret, context, resource: "/status") else {
                throw APIError(.unauthorized, code: "unauthorized", "the token is unknown or revoked")
            }
            var headers = HTTPFields()
            headers[.location] = "/status"
            headers[.setCookie] = StatusCookie.setCookie(secret: secret)
            headers[.cacheControl] = "no-store"
            return Response(status: .seeOther, headers: headers)
        }
        guard try await allowed(request, context) else {
            throw APIError(.unauthorized, code: "unauthorized",
                           "the status page needs a token: an Authorization header, or open /status?token=… once to set a cookie")
        }
        let store = services.store, settings = services.settings, now = Date()
        let snapshot = try await services.blocking.run { () throws -> StatusSnapshot in
            try StatusSnapshot.load(store: store, settings: settings, now: now)
        }
        let html = StatusPage(snapshot: snapshot, refreshSeconds: settings.status.refreshSeconds).render()
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        // Belt and braces: even a page that tried could load nothing from elsewhere.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The client's address is in the allowlist, or it brings a valid token (header first,
    /// then cookie).
    private func allowed(_ request: Request, _ context: APIRequestContext) async throws -> Bool {
        if services.settings.status.allowCIDRs.contains(ip: context.clientIP) { return true }
        if request.headers[.authorization] != nil {
            guard let secret = AuthMiddleware<Store, Planner, Prober>.bearer(request) else { return false }
            return try await authenticate(secret, context, resource: "/status")
        }
        if let secret = StatusCookie.secret(in: request.headers[.cookie]) {
            return try await authenticate(secret, context, resource: "/status")
        }
        return false
    }

    /// Any role may look. A bad secret is audited like the middleware's failures.
    private func authenticate(_ secret: String, _ context: APIRequestContext, resource: String) async throws -> Bool {
        let now = Date()
        guard let token = try await services.store({ try $0.authenticate(secret: secret, now: now) }) else {
            await services.audit(.authFailure, context, resource: resource, detail: "unknown or revoked token (status page)")
            return false
        }
        context.identity.token = token
        return true
    }
}
