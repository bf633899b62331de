import AIProdCore

/// Why an outbound request got no reply.
public struct HTTPClientError: CategorizedError, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        /// Not an absolute `http` or `https` URL with a host: the caller's to fix.
        case unsupportedURL = "unsupported_url"
        /// No complete reply within the timeout.
        case timedOut = "timed_out"
        /// DNS, connection refused, TLS, a reset connection.
        case transport
        /// The task awaiting the reply was cancelled.
        case cancelled
    }

    public var code: Code
    public var message: String
    public var url: String

    public init(_ code: Code, _ message: String, url: String) {
        self.code = code
        self.message = message
        self.url = url
    }

    public var errorCode: String { code.rawValue }
    public var errorMessage: String { "\(url): \(message)" }
    public var errorField: String? { code == .unsupportedURL ? "url" : nil }
    public var category: ErrorCategory {
        switch code {
        case .unsupportedURL: .caller
        case .timedOut, .transport: .server
        case .cancelled: .cancelled
        }
    }
    public var description: String { "\(code.rawValue): \(errorMessage)" }
}
