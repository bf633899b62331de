import AIProdCore

/// Whose fault a studio error is. A script, preset, voice, soundfont or asset that cannot be
/// used is the caller's (or the operator's configuration: still not a failure of the program);
/// a synthesiser or the media engine failing on good input is ours. A failed QA gate is ours
/// too: the render did not come out as its timeline asked.
extension StudioError: CategorizedError {
    public var errorCode: String { code.rawValue }
    public var errorMessage: String { message }
    public var errorField: String? { nil }

    public var category: ErrorCategory {
        switch code {
        case .cancelled: .cancelled
        case .emptyScript, .scriptTooLong, .unknownPreset, .soundfontMissing, .voiceMissing, .invalidAsset, .invalidOption: .caller
        case .synthesisFailed, .media, .qaFailed, .providerFailed: .server
        }
    }
}
