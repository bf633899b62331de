import AIProdCore

/// The media engine's one error type: a stable `code`, the file it concerns (if any) and a
/// message that carries libav's own words.
public struct MediaError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case fileNotFound = "file_not_found"
        case fileUnreadable = "file_unreadable"
        case notMedia = "not_media"
        case noStream = "no_stream"
        case decodeFailed = "decode_failed"
        case filterFailed = "filter_failed"
        case encodeFailed = "encode_failed"
        case writeFailed = "write_failed"
        case invalidTimeline = "invalid_timeline"
        case fontNotFound = "font_not_found"
        /// A file within reach but over a bound of `[limits]` (size, rate, channels, duration…).
        case overLimit = "over_limit"
        /// A path a timeline may not name: outside its directory (absolute, `..`, a symlink out).
        case pathNotAllowed = "path_not_allowed"
        case cancelled
    }

    public var code: Code
    public var file: String?
    public var message: String

    public init(_ code: Code, file: String? = nil, _ message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    public var description: String {
        if let file { "\(file): \(message)" } else { message }
    }

    public static func timeline(_ error: TimelineError) -> MediaError {
        MediaError(.invalidTimeline, error.description)
    }
}
