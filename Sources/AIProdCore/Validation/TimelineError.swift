/// Everything that can be wrong with a timeline before any media is touched: a stable `code`
/// for programs, the JSON `field` path it concerns (`video.clips[2].duration`), and a message
/// for people.
public struct TimelineError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case invalidJSON = "invalid_json"
        case unknownField = "unknown_field"
        case missingField = "missing_field"
        case wrongType = "wrong_type"
        case invalidValue = "invalid_value"
        case unsupportedVersion = "unsupported_version"
    }

    public var code: Code
    /// JSON path of the offending field, or nil for the document as a whole.
    public var field: String?
    public var message: String

    public init(_ code: Code, field: String?, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String {
        if let field { "\(field): \(message)" } else { message }
    }

    static func invalid(_ field: String, _ message: String) -> TimelineError {
        TimelineError(.invalidValue, field: field, message)
    }
}
