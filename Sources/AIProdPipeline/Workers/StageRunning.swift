import AIProdCore

/// What a worker runs for a claimed job: ``StageRunner`` in the daemon, whatever providers it
/// was built with. A protocol so the pool is generic over the runner rather than over the four
/// provider types, and so tests can hand it a runner built from other providers.
public protocol StageRunning: Sendable {
    func run(spec: JobSpec, in directory: JobDirectory, context: StageContext,
             onStage: @Sendable (StageName, StageEvent) -> Void) throws(PipelineError) -> JobResult
}

extension StageRunner: StageRunning {}
