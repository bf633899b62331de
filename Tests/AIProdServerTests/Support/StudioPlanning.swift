import AIProdCore
import AIProdServer
import AIProdStore
import AIProdStudio

/// The dry run the tests give the server: the real offline planner, priced at a flat compute
/// rate (the daemon's own adapter prices with `[costs]`).
struct StudioPlanning: JobPlanning {
    var usdPerComputeSecond = 0.001

    func estimate(_ spec: JobSpec, preset: Preset, secondsPerVideoSecond: Double?) throws -> JobEstimate {
        let speed = secondsPerVideoSecond ?? 2
        if let timeline = spec.timeline {
            let seconds = timeline.video.clips.reduce(0.0) { $0 + $1.duration.doubleValue } * speed
            return JobEstimate(plan: nil, cost: CostEstimate(computeSeconds: seconds, usd: seconds * usdPerComputeSecond, etaSeconds: seconds, items: []))
        }
        let plan: Plan
        do {
            plan = try OfflinePlanner().plan(spec.script ?? spec.prompt ?? "", preset: preset, seed: spec.seed, targetDuration: spec.duration)
        } catch {
            throw PlanningFailure(errorMessage: error.description)
        }
        let seconds = plan.estimatedDuration.doubleValue * speed
        let usd = seconds * usdPerComputeSecond
        return JobEstimate(plan: plan, cost: CostEstimate(computeSeconds: seconds, usd: usd, etaSeconds: seconds, items: [CostItem(kind: "compute", units: seconds, usd: usd)]))
    }
}

/// The planner's refusal of a script, as the caller's fault (the daemon's adapter does the same
/// through the pipeline's error type).
struct PlanningFailure: CategorizedError {
    var errorCode: String { "invalid_script" }
    var errorMessage: String
    var errorField: String? { "script" }
    var category: ErrorCategory { .caller }
}
