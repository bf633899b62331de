import AIProdCore
import AIProdPipeline
import AIProdServer
import AIProdStore
import AIProdStudio

/// The server's dry run: the studio's planner gives the plan (nothing rendered) and
/// `[costs]`' model prices it at the preset's measured speed.
struct StudioEstimator: JobPlanning {
    let dryRun: StudioDryRun<OfflinePlanner>
    let model: CostModel

    init(studio: StudioConfig, render: RenderConfig, costs: CostsConfig) {
        dryRun = StudioFactory.dryRun(studio: studio, defaultPreset: render.defaultPreset)
        model = CostModel(prices: costs)
    }

    func estimate(_ spec: JobSpec, preset: Preset, secondsPerVideoSecond: Double?) throws -> JobEstimate {
        let plan = try dryRun.dryRun(spec)
        let breakdown = model.estimate(CostInput(videoSeconds: plan.estimatedDuration.doubleValue, preset: preset), speed: secondsPerVideoSecond)
        return JobEstimate(plan: plan, cost: CostEstimate(
            computeSeconds: breakdown.computeSeconds, usd: breakdown.usd, etaSeconds: breakdown.etaSeconds,
            items: breakdown.items.map { CostItem(kind: $0.kind, units: $0.units, usd: $0.usd) }))
    }
}
