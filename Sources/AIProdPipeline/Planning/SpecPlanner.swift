import AIProdCore
import AIProdStudio
import Foundation

/// The plan a job's spec asks for, shared by the plan stage and the dry run so that what a
/// client previews is what is rendered: the script planned for the chosen preset, seed and
/// duration, then the spec's title and language laid over the planner's guesses.
struct SpecPlanner<Planner: ScriptPlanner>: Sendable {
    let planner: Planner
    let defaultPreset: String?
    var presets: [Preset] = []

    /// The plan for `spec`. `remote` may plan the script first (an LLM of the planner chain);
    /// when it gives nil, the studio's own planner does. A `prompt` with no script is planned
    /// as the script, with a warning: that is what happens when no LLM wrote one.
    func plan(
        _ spec: JobSpec, remote: (_ script: String, _ preset: Preset) throws(PipelineError) -> Plan? = { _, _ in nil }
    ) throws(PipelineError) -> Plan {
        let preset = try PresetChoice.resolve(spec, defaultPreset: defaultPreset, presets: presets)
        try VoiceName.validate(spec.voice)
        if let volume = spec.music.volumeDb, !(-40...12).contains(volume) {
            throw .invalidSpec("music.volume_db", "music.volume_db must be between -40 and 12 dB, got \(volume)")
        }
        if spec.script != nil, spec.prompt != nil { throw .invalidSpec("prompt", "a job takes a script or a prompt, not both") }
        guard let script = spec.script ?? spec.prompt else {
            if spec.timeline != nil { return Self.timelinePlan(spec, preset: preset) }
            throw .invalidSpec("script", "a job needs a script, a prompt (or a timeline)")
        }
        if spec.timeline != nil { throw .invalidSpec("timeline", "a job takes a script or a timeline, not both") }
        let field = spec.script == nil ? "prompt" : "script"
        var plan: Plan
        if let remotePlan = try remote(script, preset) {
            plan = remotePlan
        } else {
            do {
                plan = try planner.plan(script, preset: preset, seed: spec.seed, targetDuration: spec.duration)
            } catch {
                var wrapped = PipelineError(error, stage: .plan)
                if error.code == .scriptTooLong || error.code == .emptyScript { wrapped.errorField = field }
                if error.code == .invalidOption, spec.duration != nil { wrapped.errorField = "duration" }
                throw wrapped
            }
        }
        if spec.script == nil {
            plan.warnings.append("no LLM wrote a script from the prompt ([studio] planner has none, or none answered): the prompt is narrated as it is")
        }
        if let title = spec.title?.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty { plan.title = title }
        if let language = spec.language { plan.language = language }
        return plan
    }

    /// A timeline job has no storyboard: its "plan" has no scenes and the timeline's length
    /// as its target, which is what a cost estimate needs.
    static func timelinePlan(_ spec: JobSpec, preset: Preset) -> Plan {
        let duration = spec.timeline.map { TimelineSchedule($0).duration }
        return Plan(title: spec.title ?? "", language: spec.language ?? .english, warnings: [], preset: preset.name, seed: spec.seed,
                    wordsPerMinute: 0, targetDuration: duration, scenes: [])
    }
}
