import AIProdCore

/// Whose fault a media error is. A file that is missing, not media, over a limit or that fails
/// to decode came from the caller (a damaged or truncated input is theirs to fix); a filter,
/// an encoder or a write that fails on good input is ours.
extension MediaError: CategorizedError {
    public var errorCode: String { code.rawValue }
    public var errorMessage: String { description }
    public var errorField: String? { file }

    public var category: ErrorCategory {
        switch code {
        case .cancelled: .cancelled
        case .fileNotFound, .fileUnreadable, .notMedia, .noStream, .invalidTimeline, .fontNotFound, .decodeFailed,
             .overLimit, .pathNotAllowed: .caller
        case .filterFailed, .encodeFailed, .writeFailed: .server
        }
    }
}
