import AIProdCore
import AIProdMedia
import AIProdProviders
import Logging

/// What a run shares with every stage: the flag that cancels it (checked in each stage's
/// loops: every block of speech, of music, every frame), where to report progress, and the
/// logger (the caller's, carrying its job id).
public struct StageContext: Sendable {
    public var cancellation: RenderCancellation
    /// Called from the run's thread, often (every frame while rendering): the receiver throttles.
    public var progress: @Sendable (JobProgress) -> Void
    public var logger: Logger
    /// Hears every call to a remote provider once it ends (the daemon records it on the job,
    /// its cost and the audit log); the job's folder keeps `provider-calls.jsonl` either way.
    public var providerCall: @Sendable (ProviderCall) -> Void

    public init(cancellation: RenderCancellation = RenderCancellation(), progress: @escaping @Sendable (JobProgress) -> Void = { _ in },
                logger: Logger, providerCall: @escaping @Sendable (ProviderCall) -> Void = { _ in }) {
        self.cancellation = cancellation
        self.progress = progress
        self.logger = logger
        self.providerCall = providerCall
    }

    /// Throws `cancelled` for `stage` when the cancellation is raised.
    func check(_ stage: StageName) throws(PipelineError) {
        if cancellation.isCancelled { throw .cancelled(stage) }
    }
}
