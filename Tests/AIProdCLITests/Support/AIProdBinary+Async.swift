import AIProdTestSupport
import Foundation

extension AIProdBinary {
    /// ``run(_:in:environment:whileRunning:)`` from an async test: the child is waited for on a
    /// thread of its own, so a test that runs commands beside a daemon never holds one of the
    /// cooperative pool's few threads (on two cores, two such waits starve every async test).
    static func runAsync(_ arguments: [String], in directory: ScratchDirectory, environment: [String: String] = [:],
                         whileRunning: (@Sendable (Process, _ stderrPath: String) -> Void)? = nil) async throws -> Outcome {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try run(arguments, in: directory, environment: environment, whileRunning: whileRunning) })
            }
            thread.name = "aiprod-test-child"
            thread.start()
        }
    }
}
