/// A timeline (or any document decoded like one: a job spec) that cannot be used is always the
/// caller's to fix.
extension TimelineError: CategorizedError {
    public var errorCode: String { code.rawValue }
    public var errorMessage: String { message }
    public var errorField: String? { field }
    public var category: ErrorCategory { .caller }
}
