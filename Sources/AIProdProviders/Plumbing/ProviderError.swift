import AIProdCore

/// Why a call to a remote provider gave nothing usable. The stage that made the call falls back
/// to the next provider of its chain (in the end, the offline engine) and records the code and
/// message on the job; the message never holds a key (``ProviderTransport`` redacts them).
public struct ProviderError: CategorizedError, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// No complete reply within `timeout_seconds`, after every retry.
        case timedOut = "provider_timed_out"
        /// DNS, connection refused, TLS (a certificate that does not verify), a reset.
        case unreachable = "provider_unreachable"
        /// 429 after every retry, or a `Retry-After` longer than aiprod waits.
        case rateLimited = "provider_rate_limited"
        /// Any other status outside 2xx (a 5xx after every retry, a 401 for a wrong key).
        case httpStatus = "provider_http_error"
        /// The circuit breaker is open: the provider failed too often just now and is skipped.
        case circuitOpen = "provider_circuit_open"
        /// The reply was larger than `max_response_bytes`.
        case replyTooLarge = "provider_reply_too_large"
        /// The reply is not what the API promises: bad JSON, missing or wrong-typed fields,
        /// counts or values out of range.
        case malformedReply = "provider_malformed_reply"
        /// Audio that libav cannot open as audio, or sound that is too long or silent.
        case notAudio = "provider_not_audio"
        /// The plan (or script) an LLM gave failed validation, twice.
        case invalidPlan = "provider_invalid_plan"
        /// The provider has nothing configured for this request (no voice for the language).
        case unsupported = "provider_unsupported"
        /// The job was cancelled while waiting for the provider.
        case cancelled
    }

    public var code: Code
    /// The `[provider.NAME]` it is about.
    public var provider: String
    public var message: String
    /// The HTTP status, when there was a reply.
    public var status: Int?
    /// How long the reply asked to wait before a retry (`Retry-After`).
    var retryDelay: Double?

    public init(_ code: Code, provider: String, _ message: String, status: Int? = nil) {
        self.code = code
        self.provider = provider
        self.message = message
        self.status = status
    }

    public var errorCode: String { code.rawValue }
    public var errorMessage: String { "provider \(provider): \(message)" }
    public var errorField: String? { nil }
    /// A remote service failing is not the caller's fault; the stage falls back rather than failing.
    public var category: ErrorCategory { code == .cancelled ? .cancelled : .server }
    public var description: String { "\(code.rawValue): \(errorMessage)" }
}
