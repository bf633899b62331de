import AIProdCore
import AIProdStudio
import Foundation

/// score: the music bed (`media/music.wav`), exactly as long as the directed video will be,
/// following the plan's moods: a mood that lasts `[music] min_mood_seconds` gets a piece of its
/// own, crossfaded over `crossfade_seconds` (the spec's `music.mood` forces one piece). Each
/// piece comes from the studio's library, else the job's music sources (`music-http`), else
/// the composer (`MusicArranger`). Writes the pieces with their credits (`media/music.json`)
/// and, when anything fell back, why (`media/music-warnings.json`). Nothing with
/// `music.enabled: false`. The composer and the decoders look at the cancellation every block.
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
        let speech = narrations.map(\.sampleCount)
        let settings = job.settings.music
        let segments = job.spec.music.mood.map {
            MoodSegments(mood: $0, frames: director.duration(plan: plan, narrationSamples: speech).samples(at: 48_000))
        } ?? MoodSegments(plan: plan, director: director, narrationSamples: speech, minimumSeconds: settings.minMoodSeconds)
        var spans = segments.segments
        if job.spec.creditRoll, !spans.isEmpty {
            // The credit roll, if the job gets one, plays under the last piece; the director
            // fades the music out wherever the video ends.
            spans[spans.count - 1].end += Int64(CreditRoll.maxSeconds) * 48_000
        }
        try job.directory.makeDirectory(JobDirectory.media, stage: .score)
        let arranger = MusicArranger(
            composer: composer, composerModel: Self.model(of: composer), library: MusicLibrary(root: settings.library),
            sources: try job.musicSources(), limits: job.settings.limits.media,
            crossfadeFrames: Int((settings.crossfadeSeconds * 48_000).rounded()))
        let arrangement: MusicArrangement
        do {
            arrangement = try arranger.arrange(
                spans, seed: job.spec.seed, to: job.directory.path(JobDirectory.music),
                scratch: job.directory.path(JobDirectory.media), cancellation: job.context.cancellation,
                progress: { job.context.progress(JobProgress(stage: .score, fraction: $0 * 0.95)) })
        } catch {
            throw PipelineError(error, stage: .score)
        }
        var pieces = arrangement.pieces
        for index in pieces.indices { pieces[index].credit.file = JobDirectory.music }
        try job.directory.writeJSON(pieces, to: JobDirectory.musicPieces, stage: .score)
        guard !arrangement.warnings.isEmpty else { return [JobDirectory.music, JobDirectory.musicPieces] }
        try job.directory.writeJSON(arrangement.warnings, to: JobDirectory.musicWarnings, stage: .score)
        return [JobDirectory.music, JobDirectory.musicPieces, JobDirectory.musicWarnings]
    }

    /// The composer as a credit names it: "fluidsynth TimGM6mb" (the soundfont's file name).
    static func model(of composer: Composer) -> String {
        guard let fluid = composer as? FluidSynthComposer else { return String(describing: Composer.self) }
        return "fluidsynth " + ((fluid.soundfont as NSString).lastPathComponent as NSString).deletingPathExtension
    }
}
