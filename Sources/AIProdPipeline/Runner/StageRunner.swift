import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation
import Logging

/// Runs a job through its stages, plan → narrate → foley → score → visuals → direct → render → qa →
/// publish, in the job's folder (``JobDirectory``). The one runner for the CLI and the daemon.
///
/// Each stage reads what the earlier ones wrote from the folder and writes its own outputs
/// there atomically, then its manifest (`stages/<stage>.json`) last. A run skips every stage
/// whose manifest is there and whose files still have the recorded sizes, so a job resumed
/// after a crash, a restart or a retry starts at its first unfinished stage; once one stage
/// runs, the ones after it run again too (their inputs may have changed). A stage that fails
/// removes only its own outputs.
///
/// Generic over each stage's provider, so a remote service can stand in for any of them.
/// Blocking (espeak-ng, fluidsynth, libav): call it from a dedicated thread, never from the
/// cooperative pool or an event loop.
public struct StageRunner<Planner: ScriptPlanner, Narrator: NarrationProvider, Composer: MusicProvider, Effects: SoundEffectProvider>: Sendable {
    public var planner: Planner
    public var narrator: Narrator
    public var composer: Composer
    public var effects: Effects
    public var settings: RunnerSettings
    /// The remote providers the plan and narrate stages try before `planner` and `narrator`.
    public var remote: RemoteStudio

    public init(planner: Planner, narrator: Narrator, composer: Composer, effects: Effects, settings: RunnerSettings = RunnerSettings(),
                remote: RemoteStudio = .offline) {
        self.remote = remote
        self.planner = planner
        self.narrator = narrator
        self.composer = composer
        self.effects = effects
        self.settings = settings
    }

    /// Runs every unfinished stage of the job in `directory` and returns its result (the one
    /// `result.json` holds). `onStage` hears each stage start, finish, fail or be skipped.
    public func run(
        spec: JobSpec, in directory: JobDirectory, context: StageContext,
        onStage: @Sendable (StageName, StageEvent) -> Void = { _, _ in }
    ) throws(PipelineError) -> JobResult {
        try run(spec: spec, in: directory, context: context, through: .publish, onStage: onStage)
        return try directory.readJSON(JobResult.self, from: JobDirectory.result, stage: .publish)
    }

    /// Runs the job's unfinished stages up to and including `last` (a preview that stops
    /// before rendering, a test), skipping finished ones as ``run(spec:in:context:onStage:)`` does.
    public func run(
        spec: JobSpec, in directory: JobDirectory, context: StageContext, through last: StageName,
        onStage: @Sendable (StageName, StageEvent) -> Void = { _, _ in }
    ) throws(PipelineError) {
        try prepare(spec: spec, in: directory)
        var rerunning = false
        for stage in StageName.allCases where stage <= last {
            try context.check(stage)
            if !rerunning, let manifest = directory.finishedManifest(stage) {
                context.logger.debug("stage skipped", metadata: ["stage": "\(stage.rawValue)"])
                onStage(stage, .skipped(manifest))
                continue
            }
            rerunning = true
            do {
                let manifest = try runStage(stage, spec: spec, in: directory, context: context, onStage: onStage)
                onStage(stage, .finished(manifest))
            } catch {
                onStage(stage, .failed(error))
                throw error
            }
        }
    }

    /// Runs one stage (whatever its manifest says) and writes its manifest. This stage's and
    /// every later stage's manifests are removed first, so a crash now leaves the job to resume
    /// here; on failure the stage's own outputs go too.
    @discardableResult
    public func runStage(
        _ stage: StageName, spec: JobSpec, in directory: JobDirectory, context: StageContext,
        onStage: @Sendable (StageName, StageEvent) -> Void = { _, _ in }
    ) throws(PipelineError) -> StageManifest {
        for later in StageName.allCases where later >= stage { unlink(directory.manifest(later)) }
        StageOutputs.remove(stage, in: directory)
        context.logger.info("stage started", metadata: ["stage": "\(stage.rawValue)"])
        onStage(stage, .started)
        context.progress(JobProgress(stage: stage, fraction: 0))
        let started = Date()
        let files: [String]
        do {
            try context.check(stage)
            files = try body(of: stage, spec: spec, directory: directory, context: context)
            try context.check(stage)
        } catch {
            StageOutputs.remove(stage, in: directory)
            context.logger.info("stage failed", metadata: ["stage": "\(stage.rawValue)", "code": "\(error.errorCode)"])
            throw error
        }
        var artifacts: [ArtifactFile] = []
        for file in files { artifacts.append(try directory.artifact(file, stage: stage)) }
        let manifest = StageManifest(stage: stage, files: artifacts, seconds: Date().timeIntervalSince(started), finishedAt: Date())
        do {
            try directory.writeJSON(manifest, to: "stages/\(stage.rawValue).json", stage: stage)
        } catch {
            StageOutputs.remove(stage, in: directory)
            throw error
        }
        context.progress(JobProgress(stage: stage, fraction: 1))
        context.logger.info("stage finished", metadata: ["stage": "\(stage.rawValue)", "seconds": "\(manifest.seconds)"])
        return manifest
    }

    /// Makes the folder and writes `spec.json` when it is not there yet.
    func prepare(spec: JobSpec, in directory: JobDirectory) throws(PipelineError) {
        try directory.makeDirectory("", stage: nil)
        try directory.makeDirectory("stages", stage: nil)
        if !FileManager.default.fileExists(atPath: directory.spec) {
            try directory.writeJSON(spec, to: JobDirectory.spec, stage: nil)
        }
    }

    private func body(of stage: StageName, spec: JobSpec, directory: JobDirectory, context: StageContext) throws(PipelineError) -> [String] {
        let job = StageJob(spec: spec, directory: directory, context: context, settings: settings, remote: remote)
        switch stage {
        case .plan: return try PlanStage(planner: planner).run(job)
        case .narrate: return try NarrateStage(narrator: narrator).run(job)
        case .foley: return try FoleyStage(effects: effects).run(job)
        case .score: return try ScoreStage(composer: composer).run(job)
        case .visuals: return try VisualsStage().run(job)
        case .direct: return try DirectStage().run(job)
        case .render: return try RenderStage().run(job)
        case .qa: return try QAStage().run(job)
        case .publish: return try PublishStage().run(job)
        }
    }
}
