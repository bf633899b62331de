/// An API key read from `key` or `key_file`. Its `description` never shows it, so a key that
/// finds its way into string interpolation, a log line or an error prints `(redacted)`.
public struct ProviderKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The key itself: only the code that sets the request's header reads it.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "(redacted)" }
    public var debugDescription: String { "(redacted)" }
}
