import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// direct: the plan, narrations, effects, music and the job's own pictures (`assets/`) →
/// `timeline.json`, every file in it relative to the job's folder so the render resolves them
/// confined there. The spec's music volume and subtitle burn-in are applied here, and with
/// `credit_roll` a closing card carries the credit lines the pieces' licences ask for. For a
/// timeline job, the given timeline is validated and its asset ids become `assets/<id>`.
struct DirectStage {
    func run(_ job: StageJob) throws(PipelineError) -> [String] {
        var timeline = job.isTimeline ? try given(job) : try directed(job)
        if !job.spec.subtitles.burn { timeline.subtitles?.burnIn = false }
        do {
            try TimelineValidator(limits: job.settings.limits.documents).validate(timeline)
        } catch {
            // A given timeline is the caller's; a directed one that does not validate is our bug.
            throw job.isTimeline ? PipelineError(error, stage: .direct)
                : PipelineError(code: "internal", message: "the directed timeline is invalid (a bug): \(error)", category: .server, stage: .direct)
        }
        try job.directory.writeJSON(timeline, to: JobDirectory.timeline, stage: .direct)
        let imported = job.directory.names(in: JobDirectory.imported).map { JobDirectory.imported + "/" + $0 }
        return imported + [JobDirectory.timeline]
    }

    private func directed(_ job: StageJob) throws(PipelineError) -> Timeline {
        let plan = try job.plan(.direct)
        let narrations = try job.narrations(.direct)
        let effects = try job.directory.readJSON([[SoundEffect]].self, from: JobDirectory.effects, stage: .direct)
        guard narrations.count == plan.scenes.count, effects.count == plan.scenes.count else {
            throw .corrupt(JobDirectory.narrations, "the narrations and effects do not match the plan's \(plan.scenes.count) scenes", stage: .direct)
        }
        // The visuals stage's choice per scene; a job from before that stage: the director matches.
        let visuals = job.directory.fileData(JobDirectory.visuals) == nil ? nil
            : try job.directory.readJSON([SceneVisual].self, from: JobDirectory.visuals, stage: .direct)
        if let visuals, visuals.count != plan.scenes.count {
            throw .corrupt(JobDirectory.visuals, "\(visuals.count) visuals for \(plan.scenes.count) scenes", stage: .direct)
        }
        let catalog = visuals == nil ? try VisualsStage().assetCatalog(job, stage: .direct) : AssetCatalog()
        var watermark: String?
        if let file = job.settings.watermark {
            let name = JobDirectory.imported + "/watermark." + ((file as NSString).pathExtension.isEmpty ? "png" : (file as NSString).pathExtension)
            try job.directory.bringIn(file, as: name, stage: .direct)
            watermark = name
        }
        var director = Director(preset: try job.preset(), seed: job.spec.seed, assets: catalog, watermark: watermark)
        director.shortVideos = job.spec.shortVideos
        let scenes = zip(narrations, effects).enumerated().map { index, pair in
            DirectedScene(narration: pair.0, effects: pair.1, visual: visuals?[index])
        }
        let music = job.spec.music.enabled ? JobDirectory.music : nil
        var timeline = director.timeline(plan: plan, scenes: scenes, music: music)
        if job.spec.creditRoll {
            // What the licences of the pieces chosen so far ask to be credited, on a closing card.
            let lines = CreditsCollector(directory: job.directory).collect().attribution
            if let roll = CreditRoll.clip(lines: lines, preset: director.preset, title: job.spec.title ?? plan.title) {
                timeline.video.clips.append(roll)
            }
            // The score made the music a roll longer: it fades out where the video ends.
            for index in timeline.audio.music.indices { timeline.audio.music[index].fadeOut = Rational(2) }
        }
        if let volume = job.spec.music.volumeDb {
            for index in timeline.audio.music.indices { timeline.audio.music[index].gainDb += volume }
        }
        // The catalog names files by absolute path: inside the folder, relative to it.
        let directory = job.directory
        return TimelineFiles.map(timeline) { file in directory.relative(file) ?? file }
    }

    /// The spec's timeline, a bare name found in `assets/` (an asset id, or a file the worker
    /// linked there) becoming `assets/<name>`; anything else stays as given, and the render
    /// refuses it unless it resolves inside the job's folder.
    private func given(_ job: StageJob) throws(PipelineError) -> Timeline {
        guard let timeline = job.spec.timeline else { throw .invalidSpec("timeline", "a timeline job needs a timeline") }
        let directory = job.directory
        return TimelineFiles.map(timeline) { file in
            let inAssets = JobDirectory.assets + "/" + file
            if !file.contains("/"), file != "..", file != ".", FileManager.default.fileExists(atPath: directory.path(inAssets)) { return inAssets }
            return file
        }
    }
}
