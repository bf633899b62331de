import AIProdCore
import AIProdStudio

/// score: the music bed (`media/music.wav`), as long as the directed video will be, in the
/// spec's mood or the plan's dominant one. Nothing with `music.enabled: false`. The composer
/// looks at the cancellation every block of synthesis.
struct ScoreStage<Composer: MusicProvider> {
    let composer: Composer

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline || !job.spec.music.enabled { return [] }
        let plan = try job.plan(.score)
        let narrations = try job.narrations(.score)
        guard narrations.count == plan.scenes.count else {
            throw .corrupt(JobDirectory.narrations, "\(narrations.count) narrations for \(plan.scenes.count) scenes", stage: .score)
        }
        let director = Director(preset: try job.preset(), seed: job.spec.seed)
        let duration = director.duration(plan: plan, narrationSamples: narrations.map(\.sampleCount))
        try job.directory.makeDirectory(JobDirectory.media, stage: .score)
        do {
            try composer.compose(mood: job.spec.music.mood ?? Self.dominantMood(plan), duration: duration, seed: job.spec.seed,
                                 to: job.directory.path(JobDirectory.music), cancellation: job.context.cancellation,
                                 progress: { job.context.progress(JobProgress(stage: .score, fraction: $0 * 0.95)) })
        } catch {
            throw PipelineError(error, stage: .score)
        }
        return [JobDirectory.music]
    }

    /// The mood the narration spends the most time in: the music's.
    static func dominantMood(_ plan: Plan) -> Mood {
        var time: [Mood: Rational] = [:]
        for scene in plan.scenes { time[scene.mood, default: .zero] = time[scene.mood, default: .zero] + scene.duration }
        return Mood.allCases.max { (time[$0] ?? .zero) < (time[$1] ?? .zero) } ?? .calm
    }
}
