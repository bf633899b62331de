import Hummingbird

/// Answers 429 with `Retry-After` when the client's bucket is empty. Added twice: once before
/// authentication for the address (so a flood of bad tokens costs no database lookups), once
/// after it for the token (it reads the token the auth middleware stored in the context).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    enum Scope: Sendable {
        case address
        case token
    }

    let limiter: RateLimiter
    let scope: Scope

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let decision: RateDecision
        switch scope {
        case .address:
            decision = limiter.admit(ip: context.clientIP)
        case .token:
            guard let token = context.token else { return try await next(request, context) }
            decision = limiter.admit(tokenID: token.id, ip: context.clientIP)
        }
        guard case .limited(let seconds) = decision else { return try await next(request, context) }
        let who = scope == .address ? "this address" : "this token"
        context.logger.debug("rate limited", metadata: ["scope": "\(scope)", "client_ip": "\(context.clientIP)", "retry_after": "\(seconds)"])
        let error = APIError(.tooManyRequests, code: "rate_limited", "too many requests from \(who); retry in \(seconds) s")
        return JSONResponse.make(ErrorBody(error), status: error.status, headers: [.retryAfter: String(seconds)])
    }
}
