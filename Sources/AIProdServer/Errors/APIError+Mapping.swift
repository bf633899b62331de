import AIProdCore
import AIProdStore
import Hummingbird

extension APIError {
    /// Maps any error to what the client sees. A categorized error keeps its code, message and
    /// field; the category decides the status class (caller → 4xx by code, server → 500,
    /// cancelled → 409). Anything unknown is ours: 500 with a generic message (the detail goes
    /// to the log, not to the client).
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error
        case let error as TimelineError:
            self.init(Self.status(forCallerCode: error.code.rawValue), code: error.code.rawValue, error.message, field: error.field)
        case let error as any CategorizedError:
            self.init(categorized: error)
        case let error as HTTPError:
            self.init(error.status, code: Self.code(for: error.status), error.body ?? error.status.reasonPhrase)
        case let error as any HTTPResponseError:
            self.init(error.status, code: Self.code(for: error.status), error.status.reasonPhrase)
        default:
            self.init(.internalServerError, code: "internal", "internal error")
        }
    }

    init(categorized error: some CategorizedError) {
        let status: HTTPResponse.Status = switch error.category {
        case .caller: Self.status(forCallerCode: error.errorCode)
        case .server: .internalServerError
        case .cancelled: .conflict
        }
        self.init(status, code: error.errorCode, error.errorMessage, field: error.errorField)
    }

    /// The status of a caller's error, by its stable code.
    static func status(forCallerCode code: String) -> HTTPResponse.Status {
        switch code {
        case "not_found", "unknown_asset": .notFound
        case "conflict", "illegal_transition": .conflict
        case "budget_exceeded": .paymentRequiredStatus
        case "too_large", "content_too_large": .contentTooLarge
        case "unsupported_media": .unsupportedMediaType
        case "invalid_value", "unsupported_version": .unprocessableContent
        default: .badRequest
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not_found"
        case .methodNotAllowed: "method_not_allowed"
        case .contentTooLarge: "content_too_large"
        case .unsupportedMediaType: "unsupported_media"
        case .unauthorized: "unauthorized"
        case .forbidden: "forbidden"
        case .badRequest: "bad_request"
        default: status.code >= 500 ? "internal" : "http_\(status.code)"
        }
    }
}
