import AIProdCore
import Hummingbird

/// An error as the API reports it: a status and the body `{"error": {"code", "message", "field"?}}`.
/// Every failure a handler can meet ends up as one of these (see ``APIError/init(_:)``), so a
/// client only ever parses one shape.
public struct APIError: Error, Sendable, Hashable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var field: String?

    public init(_ status: HTTPResponse.Status, code: String, _ message: String, field: String? = nil) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
    }

    static func badRequest(_ code: String, _ message: String, field: String? = nil) -> APIError {
        APIError(.badRequest, code: code, message, field: field)
    }

    static func notFound(_ what: String, field: String? = nil) -> APIError {
        APIError(.notFound, code: "not_found", "\(what) not found", field: field)
    }

    static func invalid(_ message: String, field: String?) -> APIError {
        APIError(.unprocessableContent, code: "invalid_value", message, field: field)
    }

    static let unauthorized = APIError(.unauthorized, code: "unauthorized", "a valid 'Authorization: Bearer <token>' header is required")
}

extension HTTPResponse.Status {
    /// 402, for `budget_exceeded` (HTTPTypes names no constant for it).
    static let paymentRequiredStatus = HTTPResponse.Status(code: 402, reasonPhrase: "Payment Required")
    /// 507, for a full disk or a spent daily quota (`[storage]`).
    static let insufficientStorage = HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage")
}
