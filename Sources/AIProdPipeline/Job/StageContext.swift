import AIProdCore
import AIProdMedia
import Logging

/// What a run shares with every stage: the flag that cancels it (checked in each stage's
/// loops: every block of speech, of music, every frame), where to report progress, and the
/// logger (the caller's, carrying its job id).
public struct StageContext: Sendable {
    public var cancellation: RenderCancellation
    /// Called from the run's thread, often (every frame while rendering): the receiver throttles.
    public var progress: @Sendable (JobProgress) -> Void
    public var logger: Logger

    public init(cancellation: RenderCancellation = RenderCancellation(), progress: @escaping @Sendable (JobProgress) -> Void = { _ in },
                logger: Logger) {
        self.cancellation = cancellation
        self.progress = progress
        self.logger = logger
    }

    /// Throws `cancelled` for `stage` when the cancellation is raised.
    func check(_ stage: StageName) throws(PipelineError) {
        if cancellation.isCancelled { throw .cancelled(stage) }
    }
}
