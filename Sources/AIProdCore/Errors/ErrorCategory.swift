/// Whose fault an error is, which decides how it is reported: the HTTP layer answers 4xx for
/// `.caller` and 5xx for `.server`; the CLI exits 2, 1 or 130; the queue retries only `.server`
/// failures (bad input fails the same way every time).
public enum ErrorCategory: String, Codable, Sendable, Hashable {
    /// Bad input: a malformed request, script, timeline, upload or option.
    case caller
    /// Ours: a bug, a full disk, a library that failed on good input.
    case server
    /// The job or command was cancelled.
    case cancelled
}
