import AIProdCore

/// What happened to one stage of a run, for the caller's log, store and progress stream.
public enum StageEvent: Sendable, Hashable {
    /// The stage begins (its earlier output, if any, did not check out).
    case started
    /// The stage had finished in an earlier attempt and its files check out: not run again.
    case skipped(StageManifest)
    /// The stage ran to its end; its manifest is written.
    case finished(StageManifest)
    /// The stage failed; its own partial outputs are removed.
    case failed(PipelineError)
}
