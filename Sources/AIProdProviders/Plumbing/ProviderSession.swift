import AIProdCore
import AIProdMedia
import Logging

/// What a provider call needs from the job that makes it: which stage, the job's cancellation
/// (checked while waiting for a reply, a retry or a free slot), the cache, where to record the
/// call, and the job's logger. Made per job by the stage; the providers themselves are shared.
public struct ProviderSession: Sendable {
    public var stage: StageName
    public var cancellation: RenderCancellation
    /// nil: no cache (every call is sent).
    public var cache: ProviderCache?
    /// Hears every call once it ends (the job's record: store, audit, metrics, its folder).
    public var record: @Sendable (ProviderCall) -> Void
    public var logger: Logger

    public init(
        stage: StageName, cancellation: RenderCancellation = RenderCancellation(), cache: ProviderCache? = nil,
        logger: Logger, record: @escaping @Sendable (ProviderCall) -> Void = { _ in }
    ) {
        self.stage = stage
        self.cancellation = cancellation
        self.cache = cache
        self.record = record
        self.logger = logger
    }
}
