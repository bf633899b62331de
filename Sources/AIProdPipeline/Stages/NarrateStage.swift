import AIProdCore
import AIProdStudio

/// narrate: one WAV per scene (`media/narration-N.wav`) and their word timings
/// (`media/narration.json`), which the director, the subtitles and QA read back, so a resumed
/// job never speaks again. The narrator looks at the cancellation every block of speech.
struct NarrateStage<Narrator: NarrationProvider> {
    let narrator: Narrator

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.narrate)
        try job.directory.makeDirectory(JobDirectory.media, stage: .narrate)
        var narrations: [Narration] = []
        for (done, scene) in plan.scenes.enumerated() {
            try job.context.check(.narrate)
            let file = JobDirectory.narration(scene: scene.index)
            var narration: Narration
            do {
                narration = try narrator.narrate(scene.text, language: plan.language, voice: job.spec.voice, to: job.directory.path(file),
                                                 cancellation: job.context.cancellation)
            } catch {
                var wrapped = PipelineError(error, stage: .narrate)
                if job.spec.voice != nil, error.code == .voiceMissing { wrapped.errorField = "voice" }
                throw wrapped
            }
            narration.path = file
            narrations.append(narration)
            job.progress(.narrate, done + 1, of: plan.scenes.count)
        }
        try job.directory.writeJSON(narrations, to: JobDirectory.narrations, stage: .narrate)
        return narrations.map(\.path) + [JobDirectory.narrations]
    }
}
