import AIProdCore
import AIProdMedia
import AIProdStudio
import ArgumentParser
import Foundation

/// Exit codes the CLI promises: 2 for bad input (timeline, files, options), 1 for a render that
/// failed on good input, 130 for a cancelled render.
enum ExitCodes {
    static let badInput: Int32 = 2
    static let failed: Int32 = 1
    static let cancelled: Int32 = 130
    /// The render finished but its QA gate failed (the files are there, with qa.json saying why).
    static let qaFailed: Int32 = 3

    /// Prints `error: <code>: <message>` on stderr and returns the exit code to use; `status`
    /// overrides the error's own (an option naming an unusable path is bad input, not a failed
    /// render). An `ExitCode` was reported already and passes through.
    static func report(_ error: any Error, status override: Int32? = nil) -> ExitCode {
        if let reported = error as? ExitCode { return reported }
        let (code, message, status): (String, String, Int32) = switch error {
        case let error as TimelineError: (error.code.rawValue, error.description, badInput)
        case let error as MediaError: (error.code.rawValue, error.description, status(for: error.code))
        case let error as StudioError: (error.code.rawValue, error.description, status(for: error.code))
        default: ("error", "\(error)", failed)
        }
        FileHandle.standardError.write(Data("error: \(code): \(message)\n".utf8))
        return ExitCode(override ?? status)
    }

    static func status(for code: StudioError.Code) -> Int32 {
        switch code {
        case .cancelled: cancelled
        case .qaFailed: qaFailed
        case .emptyScript, .scriptTooLong, .unknownPreset, .soundfontMissing, .voiceMissing, .invalidAsset, .invalidOption: badInput
        case .synthesisFailed, .media: failed
        }
    }

    static func status(for code: MediaError.Code) -> Int32 {
        switch code {
        case .cancelled: cancelled
        // A file that fails to decode is a damaged or truncated input: the caller's to fix.
        case .fileNotFound, .fileUnreadable, .notMedia, .noStream, .invalidTimeline, .fontNotFound, .decodeFailed,
             .overLimit, .pathNotAllowed: badInput
        case .filterFailed, .encodeFailed, .writeFailed: failed
        }
    }
}
