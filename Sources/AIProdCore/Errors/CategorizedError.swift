/// An error every layer can report the same way: a stable machine code, a human message, the
/// field or file it is about, and whose fault it is. Each module's one error type conforms, so
/// the daemon and the CLI map errors in one place each.
public protocol CategorizedError: Error, Sendable {
    /// Stable, snake_case: clients switch on it.
    var errorCode: String { get }
    /// For a person: names the problem and, where it can, the fix.
    var errorMessage: String { get }
    /// The JSON field, INI key or file the error is about.
    var errorField: String? { get }
    var category: ErrorCategory { get }
}
