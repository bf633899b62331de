/// Why a job (or one attempt of it) failed, as stored and as the API reports it.
public struct JobFailure: Codable, Sendable, Hashable, Error {
    public var code: String
    public var message: String
    public var field: String?
    public var category: ErrorCategory
    /// The stage that failed, if it was one.
    public var stage: StageName?

    public init(code: String, message: String, field: String? = nil, category: ErrorCategory, stage: StageName? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.category = category
        self.stage = stage
    }

    public init(_ error: some CategorizedError, stage: StageName? = nil) {
        self.init(code: error.errorCode, message: error.errorMessage, field: error.errorField, category: error.category, stage: stage)
    }

    /// Retrying helps only when the failure was ours (a crash, a full disk, a flaky library).
    public var isRetryable: Bool { category == .server }
}
