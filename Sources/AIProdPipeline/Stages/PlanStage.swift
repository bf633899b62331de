import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// plan: the script → `plan.json` (the storyboard). A timeline job has nothing to plan.
///
/// With LLMs in `[studio] planner`, a `prompt` first becomes a script (`script.txt`), then the
/// script a plan, each by the first provider of the chain that gives a valid answer; the
/// offline planner is the last resort, and every fallback is a warning in the plan, so the
/// job says what happened.
struct PlanStage<Planner: ScriptPlanner> {
    let planner: Planner

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let specPlanner = SpecPlanner(planner: planner, defaultPreset: job.settings.defaultPreset, presets: job.settings.presets)
        if job.isTimeline {
            _ = try specPlanner.plan(job.spec)
            return []
        }
        var spec = job.spec
        var warnings: [String] = []
        var files: [String] = []
        let names = try job.remote.planners(for: spec)
        if let prompt = spec.prompt, spec.script == nil, let written = try write(prompt, spec: spec, names: names, job: job, warnings: &warnings) {
            spec.script = written.script
            spec.prompt = nil
            if spec.title == nil { spec.title = written.title }
            if spec.language == nil { spec.language = written.language }
            try job.directory.write(Data(written.script.utf8), to: JobDirectory.script, stage: .plan)
            files.append(JobDirectory.script)
        }
        var plan = try specPlanner.plan(spec) { (script, preset) throws(PipelineError) -> Plan? in
            try remotePlan(script, preset: preset, spec: spec, names: names, job: job, warnings: &warnings)
        }
        plan.warnings.append(contentsOf: warnings)
        try job.directory.writeJSON(plan, to: JobDirectory.plan, stage: .plan)
        return files + [JobDirectory.plan]
    }

    /// The script the first LLM of the chain writes from `prompt`; nil when none could.
    private func write(_ prompt: String, spec: JobSpec, names: [String], job: StageJob, warnings: inout [String]) throws(PipelineError) -> WrittenScript? {
        let studio = job.remote.studio
        for name in names {
            guard let client = job.remote.chats[name] else { continue }
            do {
                return try LLMScriptWriter(client: client).write(
                    prompt: prompt, language: spec.language, targetSeconds: spec.duration?.doubleValue ?? 60,
                    wordsPerMinute: studio.wordsPerMinute, maxCharacters: studio.maxScriptCharacters, session: job.session(.plan))
            } catch where error.code == .cancelled {
                throw .cancelled(.plan)
            } catch {
                warnings.append("\(name) did not write the script (\(error.code.rawValue): \(error.message))")
            }
        }
        return nil
    }

    /// The plan the first LLM of the chain makes of `script`; nil when none could.
    private func remotePlan(_ script: String, preset: Preset, spec: JobSpec, names: [String], job: StageJob,
                            warnings: inout [String]) throws(PipelineError) -> Plan? {
        guard let offline = job.remote.offlinePlanner else { return nil }
        for name in names {
            guard let client = job.remote.chats[name] else { continue }
            do {
                return try LLMPlanner(client: client, offline: offline).plan(
                    script, preset: preset, seed: spec.seed, targetDuration: spec.duration, session: job.session(.plan))
            } catch where error.code == .cancelled {
                throw .cancelled(.plan)
            } catch {
                warnings.append("\(name) did not plan the script (\(error.code.rawValue): \(error.message)); \(name == names.last ? "planned offline" : "trying the next")")
            }
        }
        return nil
    }
}
