import AIProdCore
import AIProdMedia

/// render: `timeline.json` → `video.mp4`, every file resolved confined to the job's folder.
/// The renderer looks at the cancellation every frame and audio block, and reports each frame.
struct RenderStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        let timeline = try job.timeline(.render)
        let limits = job.settings.limits
        let resolver = AssetResolver(baseDirectory: job.directory.root, limits: limits.media, reach: .confined)
        let report = job.context.progress
        do {
            _ = try TimelineRenderer(timeline: timeline, resolver: resolver, limits: limits.documents)
                .render(to: job.directory.video, cancellation: job.context.cancellation) { progress in
                    let fraction = switch progress.phase {
                    case .mastering: 0.0
                    case .rendering: progress.fraction * 0.98
                    case .finishing: 0.98
                    }
                    report(JobProgress(stage: .render, fraction: fraction))
                }
        } catch {
            throw PipelineError(error, stage: .render)
        }
        return [JobDirectory.video]
    }
}
