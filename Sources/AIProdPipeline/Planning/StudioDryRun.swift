import AIProdCore
import AIProdStudio

/// The dry run on the studio's planner: the very plan the job's plan stage would write (same
/// preset choice, seed, duration, title and language), in milliseconds, with nothing spoken,
/// composed or rendered. A timeline spec gives a plan with no scenes and the timeline's length.
public struct StudioDryRun<Planner: ScriptPlanner>: Sendable {
    public var planner: Planner
    public var defaultPreset: String?
    /// Presets a job may name besides the built-in ones, as the runner's settings have them.
    public var presets: [Preset]

    public init(planner: Planner, defaultPreset: String? = nil, presets: [Preset] = []) {
        self.planner = planner
        self.defaultPreset = defaultPreset
        self.presets = presets
    }

    public func dryRun(_ spec: JobSpec) throws(PipelineError) -> Plan {
        try SpecPlanner(planner: planner, defaultPreset: defaultPreset, presets: presets).plan(spec)
    }
}
