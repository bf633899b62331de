import AIProdCore
import AIProdMedia
import Foundation

/// Runs a script job through every stage: plan → narrate → foley → score → direct → render →
/// QA, writing the video and its side files (``StudioOutputs``). Generic over each stage's
/// provider, so a remote service can stand in for any of them.
///
/// Blocking (espeak-ng, fluidsynth, libav): call it from a dedicated thread.
public struct StudioPipeline<Planner: ScriptPlanner, Narrator: NarrationProvider, Composer: MusicProvider, Effects: SoundEffectProvider>: Sendable {
    public var planner: Planner
    public var narrator: Narrator
    public var composer: Composer
    public var effects: Effects

    public init(planner: Planner, narrator: Narrator, composer: Composer, effects: Effects) {
        self.planner = planner
        self.narrator = narrator
        self.composer = composer
        self.effects = effects
    }

    public func run(
        script: String, job: ScriptJob, output: String,
        cancellation: RenderCancellation = RenderCancellation(),
        progress: @escaping @Sendable (String, RenderProgress?) -> Void = { _, _ in }
    ) throws(StudioError) -> StudioResult {
        let outputs = StudioOutputs(video: output)
        let assets = try job.assetsDirectory.map { path throws(StudioError) in try AssetCatalog.scan(path, limits: job.limits) } ?? AssetCatalog()
        var clock = StageClock(cancellation: cancellation, progress: progress)
        let plan = try clock.run("plan") { () throws(StudioError) in
            try planner.plan(script, preset: job.preset, seed: job.seed, targetDuration: job.targetDuration)
        }
        do {
            try FileManager.default.createDirectory(atPath: outputs.mediaDirectory, withIntermediateDirectories: true)
        } catch {
            throw StudioError(.media, "cannot create \(outputs.mediaDirectory): \(error.localizedDescription)")
        }
        do {
            return try produce(plan: plan, assets: assets, job: job, outputs: outputs, cancellation: cancellation, clock: &clock)
        } catch {
            // Nothing half-written: a failed job takes its side files with it.
            for path in outputs.all { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
    }

    private func produce(
        plan: Plan, assets: AssetCatalog, job: ScriptJob, outputs: StudioOutputs,
        cancellation: RenderCancellation, clock: inout StageClock
    ) throws(StudioError) -> StudioResult {
        let media = outputs.mediaDirectory
        let narrations = try clock.run("narrate") { () throws(StudioError) in
            try plan.scenes.map { scene throws(StudioError) in
                try narrator.narrate(scene.text, language: plan.language, to: "\(media)/narration-\(scene.index + 1).wav",
                                    cancellation: cancellation)
            }
        }
        let sceneEffects = try clock.run("foley") { () throws(StudioError) in
            try plan.scenes.map { scene throws(StudioError) in
                try scene.soundCues.enumerated().map { offset, cue throws(StudioError) in
                    try effects.effect(cue.category, seed: job.seed &+ UInt64(scene.index * 16 + offset), in: media)
                }
            }
        }
        let director = Director(preset: job.preset, seed: job.seed, assets: assets, watermark: job.watermark)
        let duration = director.duration(plan: plan, narrationSamples: narrations.map(\.sampleCount))
        let musicPath = "\(media)/music.wav"
        try clock.run("score") { () throws(StudioError) in
            try composer.compose(mood: Self.dominantMood(plan), duration: duration, seed: job.seed, to: musicPath)
        }
        let directed = zip(narrations, sceneEffects).map { DirectedScene(narration: $0, effects: $1) }
        let timeline = try clock.run("direct") { () throws(StudioError) in
            try TimelineMediaFolder(outputs: outputs).localise(director.timeline(plan: plan, scenes: directed, music: musicPath))
        }
        do {
            try TimelineValidator().validate(timeline)
        } catch {
            throw StudioError(.media, "the directed timeline is invalid (a bug): \(error)")
        }
        let baseDirectory = (outputs.video as NSString).deletingLastPathComponent
        let report = clock.progress
        let render = try clock.run("render") { () throws(StudioError) in
            do throws(MediaError) {
                // Every file is inside the timeline's folder now: confined, as a re-render is.
                let resolver = AssetResolver(baseDirectory: baseDirectory.isEmpty ? "." : baseDirectory, limits: job.limits)
                return try TimelineRenderer(timeline: timeline, resolver: resolver)
                    .render(to: outputs.video, cancellation: cancellation) { report("render", $0) }
            } catch {
                throw StudioError.media(error)
            }
        }
        let schedule = TimelineSchedule(timeline)
        let voiceStarts = timeline.audio.narration.map { $0.start.doubleValue }
        var words: [TimeSpan] = []
        var spans: [TimeSpan] = []
        for (start, narration) in zip(voiceStarts, narrations) {
            words += narration.words.map { TimeSpan(start: start + Double($0.startSample) / 48_000, end: start + Double($0.endSample) / 48_000) }
            if let first = narration.words.first, let last = narration.words.last {
                spans.append(TimeSpan(start: start + Double(first.startSample) / 48_000, end: start + Double(last.endSample) / 48_000))
            }
        }
        let qa = try clock.run("qa") { () throws(StudioError) in
            try writeSideFiles(plan: plan, timeline: timeline, outputs: outputs, thumbnailAt: schedule.duration.doubleValue / 3)
            let report = try QAGate().check(outputs.video, expecting: QAExpectations(timeline: timeline, words: words, narrationSpans: spans),
                                            cancellation: cancellation)
            try Self.write(report, to: outputs.qa)
            return report
        }
        return StudioResult(outputs: outputs, plan: plan, timeline: timeline, render: render, qa: qa, stageSeconds: clock.timings)
    }

    private func writeSideFiles(plan: Plan, timeline: Timeline, outputs: StudioOutputs, thumbnailAt: Double) throws(StudioError) {
        do throws(MediaError) {
            let cues = timeline.subtitles?.cues ?? []
            try AtomicOutput.write(SubtitleFormatter().srt(cues), to: outputs.srt)
            try AtomicOutput.write(SubtitleFormatter().webVTT(cues), to: outputs.vtt)
            try ThumbnailWriter().write(video: outputs.video, at: thumbnailAt, to: outputs.thumbnail)
        } catch {
            throw StudioError.media(error)
        }
        try Self.write(plan, to: outputs.plan)
        try Self.write(timeline, to: outputs.timeline)
    }

    /// The mood the narration spends the most time in: the music's.
    static func dominantMood(_ plan: Plan) -> Mood {
        var time: [Mood: Rational] = [:]
        for scene in plan.scenes { time[scene.mood, default: .zero] = time[scene.mood, default: .zero] + scene.duration }
        return Mood.allCases.max { (time[$0] ?? .zero) < (time[$1] ?? .zero) } ?? .calm
    }

    static func write<T: Encodable>(_ value: T, to path: String) throws(StudioError) {
        do {
            try AtomicOutput.write(try JSONCoding.encoder.encode(value), to: path)
        } catch let error as MediaError {
            throw StudioError.media(error)
        } catch {
            throw StudioError(.media, "cannot encode \(path): \(error)")
        }
    }
}
