import AIProdCore
import AIProdProviders
import AIProdStudio

/// narrate: one WAV per scene (`media/narration-N.wav`) and their word timings
/// (`media/narration.json`), which the director, the subtitles and QA read back, so a resumed
/// job never speaks again. The narrator looks at the cancellation every block of speech.
///
/// With voices in `[studio] voice`, each scene is spoken by the first provider of the chain
/// still standing. A provider that fails is dropped for the rest of the job (the scene is
/// spoken again, whole, by the next one, so no scene mixes voices), and
/// `media/narration-warnings.json` says so; espeak-ng is the last resort.
struct NarrateStage<Narrator: NarrationProvider> {
    let narrator: Narrator

    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        if job.isTimeline { return [] }
        let plan = try job.plan(.narrate)
        try job.directory.makeDirectory(JobDirectory.media, stage: .narrate)
        var voices = try job.remote.voiceNames(for: job.spec).filter { job.remote.voices[$0] != nil }
        var warnings: [String] = []
        var narrations: [Narration] = []
        for (done, scene) in plan.scenes.enumerated() {
            try job.context.check(.narrate)
            let file = JobDirectory.narration(scene: scene.index)
            var narration: Narration?
            while narration == nil, let name = voices.first, let voice = job.remote.voices[name] {
                do {
                    narration = try voice.narrate(scene.text, language: plan.language, to: job.directory.path(file), session: job.session(.narrate))
                } catch where error.code == .cancelled {
                    throw .cancelled(.narrate)
                } catch {
                    voices.removeFirst()
                    let next = voices.first ?? "the offline voice"
                    warnings.append("voice \(name) failed at scene \(done + 1) (\(error.code.rawValue): \(error.message)); scenes \(done + 1)–\(plan.scenes.count) are spoken by \(next)")
                }
            }
            if narration == nil {
                do {
                    narration = try narrator.narrate(scene.text, language: plan.language, voice: job.spec.voice, to: job.directory.path(file),
                                                     cancellation: job.context.cancellation)
                } catch {
                    var wrapped = PipelineError(error, stage: .narrate)
                    if job.spec.voice != nil, error.code == .voiceMissing { wrapped.errorField = "voice" }
                    throw wrapped
                }
            }
            guard var spoken = narration else { continue }
            spoken.path = file
            narrations.append(spoken)
            job.progress(.narrate, done + 1, of: plan.scenes.count)
        }
        try job.directory.writeJSON(narrations, to: JobDirectory.narrations, stage: .narrate)
        var files = narrations.map(\.path) + [JobDirectory.narrations]
        if !warnings.isEmpty {
            try job.directory.writeJSON(warnings, to: JobDirectory.narrationWarnings, stage: .narrate)
            files.append(JobDirectory.narrationWarnings)
        }
        return files
    }
}
