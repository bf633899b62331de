import AIProdCore
import AIProdMedia
import AIProdStudio
import Foundation

/// `aiprod render script.txt -o out.mp4`: the whole studio on one script.
struct ScriptRender {
    let command: RenderCommand

    func run() throws {
        if command.srt != nil || command.vtt != nil || command.thumbnail != nil {
            throw StudioError(.invalidOption, "--srt, --vtt and --thumbnail are for timelines; a script render writes them beside the video")
        }
        try RenderCommand.requireWritableDirectory(for: command.output)
        let studio = command.studio
        let file = try ConfigFile(studio.config)
        let config = try file.studio()
        let job = ScriptJob(preset: try studio.resolvedPreset(), seed: studio.seed, targetDuration: try studio.targetDuration(),
                            assetsDirectory: command.assets, watermark: command.watermark ?? config.watermark,
                            limits: try file.limits().media)
        let script = try StudioOptions.readScript(command.timeline, config: config)
        let pipeline = StudioPipeline(
            planner: OfflinePlanner(config: config), narrator: EspeakNarrator(config: config),
            composer: try FluidSynthComposer(config: config), effects: Foley(config: config))
        let cancellation = RenderCancellation()
        let interrupt = InterruptHandler(cancelling: cancellation)
        defer { interrupt.stop() }
        let reporter = ProgressReporter()
        let quiet = command.quiet
        let started = Date()
        let result = try pipeline.run(script: script, job: job, output: command.output, cancellation: cancellation) { stage, progress in
            guard !quiet else { return }
            if let progress { reporter.report(progress) } else { FileHandle.standardError.write(Data("\(stage)…\n".utf8)) }
        }
        let seconds = Date().timeIntervalSince(started)
        let duration = Double(result.render.samples) / 48_000
        print(String(format: "%@: %d scenes, %.2f s in %.2f s (%.1fx realtime); %@",
                     command.output, result.plan.scenes.count, duration, seconds, duration / max(seconds, 0.001),
                     result.stageSeconds.map { String(format: "%@ %.2fs", $0.0, $0.1) }.joined(separator: ", ")))
        let outputs = result.outputs
        for path in [outputs.srt, outputs.vtt, outputs.thumbnail, outputs.plan, outputs.timeline, outputs.qa] { print(path) }
        for warning in result.plan.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if !result.qa.passed {
            let failed = result.qa.checks.filter { !$0.passed }
                .map { "\($0.name) (measured \($0.measured), expected \($0.expected))" }.joined(separator: "; ")
            throw StudioError(.qaFailed, "QA failed: \(failed); see \(outputs.qa)")
        }
    }
}
