import AIProdCore
import AIProdStore
import Foundation
import Hummingbird

/// `/admin/*` (admin role): tokens, the audit log, the redacted config and the dead letter.
struct AdminRoutes<Store: JobStore, Planner: JobPlanning, Prober: AssetProbing>: Sendable {
    let services: ServerServices<Store, Planner, Prober>

    func register(on router: Router<APIRequestContext>) {
        router.post("/admin/tokens") { request, context in try await createToken(request, context) }
        router.get("/admin/tokens") { _, _ in JSONResponse.make(TokenListView(tokens: try await services.store { try $0.tokens() })) }
        router.delete("/admin/tokens/{id}") { request, context in try await revokeToken(request, context) }
        router.get("/admin/audit") { request, _ in try await audit(request) }
        router.get("/admin/config") { _, _ in JSONResponse.make(services.settings.redactedConfig) }
        router.get("/admin/dead") { request, _ in try await dead(request) }
    }

    func createToken(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        let data = try await BodyReader(maxBytes: min(services.settings.maxBodyBytes, 64 * 1024)).read(request)
        let body = try TimelineDecoder(limits: services.settings.limits.documents).decodeStrict(TokenRequest.self, from: data)
        guard TokenName.isValid(body.name) else {
            throw APIError.invalid("a token name is 1 to 64 of A-Z a-z 0-9 . _ @ -", field: "name")
        }
        let (secret, record) = try await services.store { try $0.createToken(name: body.name, role: body.role, now: Date()) }
        await services.audit(.configChange, context, resource: "/admin/tokens/\(record.id)", detail: "token created: \(record.name) (\(record.role.rawValue))")
        return JSONResponse.make(CreatedTokenView(token: record, secret: secret), status: .created)
    }

    func revokeToken(_ request: Request, _ context: APIRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id"), (1...128).contains(id.utf8.count) else { throw APIError.notFound("token") }
        // An admin revoking the token it is using would lock itself out mid-session (the last
        // admin token: out for good, short of `aiprod token create` on the box): another one must.
        if context.token?.id == id {
            throw APIError(.conflict, code: "conflict", "a token cannot revoke itself: revoke it with another admin token", field: "id")
        }
        let record = try await services.store { try $0.revokeToken(id: id, now: Date()) }
        await services.audit(.configChange, context, resource: request.uri.path, detail: "token revoked: \(record.name)")
        return JSONResponse.make(record)
    }

    func audit(_ request: Request) async throws -> Response {
        let query = try AuditQueryParser.parse(request.uri.queryParameters)
        let entries = try await services.store { try $0.auditEntries(query) }
        return JSONResponse.make(AuditListView(entries: entries))
    }

    func dead(_ request: Request) async throws -> Response {
        let query = try PageQuery(request.uri.queryParameters, allowState: false)
        let page = try await services.store { try $0.jobs(state: .dead, limit: query.limit, cursor: query.cursor) }
        return JSONResponse.make(JobListView(jobs: page.jobs.map(JobView.init), next: page.next))
    }
}

/// `POST /admin/tokens`'s body.
struct TokenRequest: Codable, Sendable {
    var name: String
    var role: TokenRole
}

/// The one time a token's secret is shown.
struct CreatedTokenView: Encodable, Sendable {
    var token: TokenRecord
    var secret: String
}

struct TokenListView: Encodable, Sendable {
    var tokens: [TokenRecord]
}

struct AuditListView: Encodable, Sendable {
    var entries: [AuditEntry]
}
