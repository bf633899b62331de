import AIProdCore
import ArgumentParser
import Foundation

/// Exit codes the CLI promises: 2 for bad input (timeline, files, options), 1 for a render that
/// failed on good input, 130 for a cancelled render. Which is which is the error's own
/// ``ErrorCategory`` (decided in the libraries, shared with the daemon's 4xx and 5xx).
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
        case let error as any CategorizedError:
            (error.errorCode, "\(error)", status(for: error))
        default: ("error", "\(error)", failed)
        }
        FileHandle.standardError.write(Data("error: \(code): \(message)\n".utf8))
        return ExitCode(override ?? status)
    }

    static func status(for error: any CategorizedError) -> Int32 {
        if error.errorCode == "qa_failed" { return qaFailed }
        return switch error.category {
        case .caller: badInput
        case .server: failed
        case .cancelled: cancelled
        }
    }
}
