import AIProdStore
import Hummingbird
import NIOCore

/// Per-request state: the caller's address (for the audit log) and, once the auth middleware
/// has run, the token that authenticated the request.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, "unknown" for a Unix socket.
    public let clientIP: String
    let identity = RequestIdentity()
    /// Set by ``RequestIDMiddleware``: the caller's sane `X-Request-ID` or one made up; on every
    /// log line of the request and echoed on the response.
    public internal(set) var requestID = ""
    /// The trace id of a valid incoming `traceparent`, stored with a job the request submits.
    public internal(set) var traceID: String?
    /// Set by ``AuthMiddleware``; nil only on open routes.
    public var token: TokenRecord? { identity.token }
    /// Bodies are collected explicitly with the configured limit (see ``BodyReader``); this is
    /// only Hummingbird's own default for anything that collates without one.
    public var maxUploadSize: Int { 1 << 20 }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientIP = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
