import AIProdCore
import AIProdProviders
import AIProdStudio
import Foundation

/// visuals: a picture for every scene (`media/visuals.json`), tried in order: the job's own
/// assets matched by tags, file-name words and the scene's visual description; then `[studio]
/// visuals` (generated stills and stock, in the chain's order); a still (generated, stock or
/// the job's own) is then animated by `[studio] motion` if it names a provider; else the title
/// card. Everything received is safe-probed like an upload before it becomes a file of the job.
///
/// A provider that fails, times out or answers garbage only sends its scene down the chain,
/// with a warning in `media/visual-warnings.json`: an optional provider never fails a job.
struct VisualsStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.visuals)
        let narrations = try job.narrations(.visuals)
        guard narrations.count == plan.scenes.count else {
            throw .corrupt(JobDirectory.narrations, "\(narrations.count) narrations for \(plan.scenes.count) scenes", stage: .visuals)
        }
        let preset = try job.preset()
        let frames = Director(preset: preset, seed: job.spec.seed).clipFrames(plan: plan, narrationSamples: narrations.map(\.sampleCount))
        let catalog = try assetCatalog(job)
        var chooser = SceneVisualChooser(job: job, preset: preset, style: VisualPrompt.style(spec: job.spec, studio: job.remote.studio.style, preset: preset),
                                         visuals: try job.remote.visualNames(for: job.spec), motions: try job.remote.motionNames(for: job.spec))
        try job.directory.makeDirectory(JobDirectory.media, stage: .visuals)
        var used: Set<String> = []
        var chosen: [SceneVisual] = []
        for scene in plan.scenes {
            try job.context.check(.visuals)
            let seconds = (Rational(frames[scene.index]) / preset.fps).doubleValue
            var visual: SceneVisual
            if let asset = catalog.match(scene.keywords, description: scene.visual, excluding: used) {
                used.insert(asset.path)
                visual = SceneVisual(scene: scene.index, source: .asset, path: job.directory.relative(asset.path) ?? asset.path,
                                     kind: asset.kind, duration: asset.duration)
            } else {
                visual = try chooser.remote(for: scene, seconds: seconds)
            }
            visual = try chooser.animated(visual, scene: scene, seconds: seconds)
            chosen.append(visual)
            job.progress(.visuals, chosen.count, of: plan.scenes.count)
        }
        try job.directory.writeJSON(chosen, to: JobDirectory.visuals, stage: .visuals)
        var files = chosen.compactMap { $0.source == .asset || $0.source == .card ? nil : $0.path } + [JobDirectory.visuals]
        if !chooser.warnings.isEmpty {
            try job.directory.writeJSON(chooser.warnings, to: JobDirectory.visualWarnings, stage: .visuals)
            files.append(JobDirectory.visualWarnings)
        }
        return files
    }

    /// The job's `assets/` folder, scanned (none: an empty catalog).
    func assetCatalog(_ job: StageJob, stage: StageName = .visuals) throws(PipelineError) -> AssetCatalog {
        guard FileManager.default.fileExists(atPath: job.directory.assets) else { return AssetCatalog() }
        do {
            return try AssetCatalog.scan(job.directory.assets, limits: job.settings.limits.media)
        } catch {
            throw PipelineError(error, stage: stage)
        }
    }
}
