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
    /// Prices the configured chains' first providers.
    let providers: ProviderEstimate

    init(config: ServiceConfig) {
        dryRun = StudioFactory.dryRun(studio: config.studio, defaultPreset: config.render.defaultPreset)
        model = CostModel(prices: config.costs)
        providers = ProviderEstimate(config: config)
    }

    func estimate(_ spec: JobSpec, preset: Preset, secondsPerVideoSecond: Double?) throws -> JobEstimate {
        let plan = try dryRun.dryRun(spec)
        let lines = try providers.lines(for: spec, plan: plan)
        let breakdown = model.estimate(CostInput(videoSeconds: plan.estimatedDuration.doubleValue, preset: preset, providerLines: lines),
                                       speed: secondsPerVideoSecond)
        return JobEstimate(plan: plan, cost: CostEstimate(
            computeSeconds: breakdown.computeSeconds, usd: breakdown.usd, etaSeconds: breakdown.etaSeconds,
            items: breakdown.items.map { CostItem(kind: $0.kind, units: $0.units, usd: $0.usd, provider: $0.provider) }))
    }
}
