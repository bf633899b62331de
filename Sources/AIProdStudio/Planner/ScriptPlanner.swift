import AIProdCore

/// Turns a script into a ``Plan``: the storyboard a person reviews before anything is generated.
///
/// A protocol so that the offline planner (``OfflinePlanner``) and, later, a remote LLM planner
/// can stand in for each other behind the pipeline's plan stage. Implementations must be
/// deterministic for a given script, preset and seed: the same inputs give a byte-identical
/// plan (see ``JSONCoding``), so a resumed job re-plans to the very same storyboard.
public protocol ScriptPlanner: Sendable {
    /// Plans `script` for `preset`.
    /// - Parameters:
    ///   - seed: makes every choice the planner leaves to chance reproducible.
    ///   - targetDuration: a requested total length, in seconds, reached by pacing (pauses, or a
    ///     faster voice), never by cutting words; nil keeps the natural length.
    /// - Throws: `StudioError` with `.emptyScript`, `.scriptTooLong` or `.invalidOption`.
    func plan(_ script: String, preset: Preset, seed: UInt64, targetDuration: Rational?) throws(StudioError) -> Plan
}
