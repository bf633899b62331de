import AIProdCore

/// The pipeline's one error type: what failed (a stable code, a message, the field or file),
/// whose fault it is, and in which stage. Errors of the layers below (``StudioError``,
/// `MediaError`, ``TimelineError``) are wrapped keeping their code and category, so a bad asset
/// stays the caller's fault however deep it was found.
public struct PipelineError: CategorizedError, Hashable, CustomStringConvertible {
    public var errorCode: String
    public var errorMessage: String
    public var errorField: String?
    public var category: ErrorCategory
    /// The stage that failed; nil before any stage ran (a spec refused up front).
    public var stage: StageName?

    public init(code: String, message: String, field: String? = nil, category: ErrorCategory, stage: StageName? = nil) {
        errorCode = code
        errorMessage = message
        errorField = field
        self.category = category
        self.stage = stage
    }

    /// Wraps an error of a lower layer, keeping its code, message, field and category.
    public init(_ error: some CategorizedError, stage: StageName?) {
        self.init(code: error.errorCode, message: error.errorMessage, field: error.errorField, category: error.category, stage: stage)
    }

    /// The message, led by the field or file when the message does not name it already.
    public var description: String {
        guard let field = errorField, !errorMessage.contains(field) else { return errorMessage }
        return "\(field): \(errorMessage)"
    }

    /// As the store records it.
    public var failure: JobFailure {
        JobFailure(code: errorCode, message: errorMessage, field: errorField, category: category, stage: stage)
    }

    /// The job was cancelled (a client's cancel, a signal, a shutdown that could not wait).
    public static func cancelled(_ stage: StageName?) -> PipelineError {
        PipelineError(code: "cancelled", message: "job cancelled" + (stage.map { " in \($0.rawValue)" } ?? ""),
                      category: .cancelled, stage: stage)
    }

    /// A request that cannot be run as asked (a field of the spec).
    public static func invalidSpec(_ field: String, _ message: String) -> PipelineError {
        PipelineError(code: "invalid_spec", message: message, field: field, category: .caller)
    }

    /// A file that is not an image, a video or sound aiprod can read.
    public static func unsupportedMedia(_ file: String, _ message: String) -> PipelineError {
        PipelineError(code: "unsupported_media", message: message, field: file, category: .caller)
    }

    /// Reading or writing the job's folder failed: a full disk, a permission, a vanished folder.
    public static func disk(_ file: String, _ message: String, stage: StageName?) -> PipelineError {
        PipelineError(code: "disk", message: "\(file): \(message)", field: file, category: .server, stage: stage)
    }

    /// An artifact of an earlier stage that cannot be read back: ours (the stage wrote it).
    public static func corrupt(_ file: String, _ message: String, stage: StageName?) -> PipelineError {
        PipelineError(code: "corrupt_artifact", message: "\(file): \(message)", field: file, category: .server, stage: stage)
    }
}
