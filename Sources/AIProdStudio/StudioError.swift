import AIProdCore
import AIProdMedia

/// The studio's one error type: a stable `code` and a message that names the problem.
public struct StudioError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case emptyScript = "empty_script"
        case scriptTooLong = "script_too_long"
        case unknownPreset = "unknown_preset"
        case soundfontMissing = "soundfont_missing"
        case voiceMissing = "voice_missing"
        case synthesisFailed = "synthesis_failed"
        case invalidAsset = "invalid_asset"
        case invalidOption = "invalid_option"
        case media = "media"
        case qaFailed = "qa_failed"
        /// An optional remote provider did not deliver: the stage falls back, it never fails a job.
        case providerFailed = "provider_failed"
        case cancelled
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// A media engine error, keeping its words.
    public static func media(_ error: MediaError) -> StudioError {
        if error.code == .cancelled { return StudioError(.cancelled, error.description) }
        return StudioError(.media, "\(error.code.rawValue): \(error.description)")
    }
}
