import AIProdCore
import AIProdStudio

/// plan: the script → `plan.json` (the storyboard). A timeline job has nothing to plan.
struct PlanStage<Planner: ScriptPlanner> {
    let planner: Planner

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let plan = try SpecPlanner(planner: planner, defaultPreset: job.settings.defaultPreset, presets: job.settings.presets).plan(job.spec)
        if job.isTimeline { return [] }
        try job.directory.writeJSON(plan, to: JobDirectory.plan, stage: .plan)
        return [JobDirectory.plan]
    }
}
