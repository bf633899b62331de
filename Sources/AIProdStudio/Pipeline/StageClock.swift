import AIProdMedia
import Foundation

/// Times each stage of a job, reports which one is running, and stops between stages when the
/// job is cancelled.
struct StageClock: Sendable {
    let cancellation: RenderCancellation
    let progress: @Sendable (String, RenderProgress?) -> Void
    private(set) var timings: [(String, Double)] = []

    init(cancellation: RenderCancellation, progress: @escaping @Sendable (String, RenderProgress?) -> Void) {
        self.cancellation = cancellation
        self.progress = progress
    }

    mutating func run<T>(_ name: String, _ body: () throws(StudioError) -> T) throws(StudioError) -> T {
        if cancellation.isCancelled { throw StudioError(.cancelled, "job cancelled before \(name)") }
        progress(name, nil)
        let start = Date()
        let value = try body()
        timings.append((name, Date().timeIntervalSince(start)))
        return value
    }
}
