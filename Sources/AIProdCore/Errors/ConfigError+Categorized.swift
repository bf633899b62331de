/// A bad configuration value is the operator's to fix: the caller's side (exit 2), not a
/// failure of the program.
extension ConfigError: CategorizedError {
    public var errorCode: String { "invalid_config" }
    public var errorMessage: String { description }
    public var errorField: String? { "\(section).\(key)" }
    public var category: ErrorCategory { .caller }
}
