/// The one error shape of the API, `{"error": {"code", "message", "field"?}}`.
struct ErrorBody: Encodable, Sendable {
    struct Detail: Encodable, Sendable {
        var code: String
        var message: String
        var field: String?
    }

    var error: Detail

    init(_ error: APIError) {
        self.error = Detail(code: error.code, message: error.message, field: error.field)
    }
}
