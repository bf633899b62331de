import AIProdCore
import AIProdStudio
import Foundation

/// visuals: a picture for every scene (`media/visuals.json`), tried in order: the job's own
/// assets matched by tags and words; then `[studio] visuals` (generated stills, stock), a
/// generated or chosen still animated by `[studio] motion`; else the title card. A provider
/// that fails only sends its scene down the chain: this stage never fails a job for an
/// optional provider.
struct VisualsStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.visuals)
        let catalog = try assetCatalog(job)
        var used: Set<String> = []
        var chosen: [SceneVisual] = []
        for scene in plan.scenes {
            try job.context.check(.visuals)
            if let asset = catalog.match(scene.keywords, excluding: used) {
                used.insert(asset.path)
                chosen.append(SceneVisual(scene: scene.index, source: .asset, path: job.directory.relative(asset.path) ?? asset.path,
                                          kind: asset.kind, duration: asset.duration))
            } else {
                chosen.append(.card(scene.index))
            }
            job.progress(.visuals, chosen.count, of: plan.scenes.count)
        }
        try job.directory.writeJSON(chosen, to: JobDirectory.visuals, stage: .visuals)
        return chosen.compactMap { $0.source == .asset ? nil : $0.path } + [JobDirectory.visuals]
    }

    /// The job's `assets/` folder, scanned (none: an empty catalog).
    func assetCatalog(_ job: StageJob) throws(PipelineError) -> AssetCatalog {
        guard FileManager.default.fileExists(atPath: job.directory.assets) else { return AssetCatalog() }
        do {
            return try AssetCatalog.scan(job.directory.assets, limits: job.settings.limits.media)
        } catch {
            throw PipelineError(error, stage: .visuals)
        }
    }
}
