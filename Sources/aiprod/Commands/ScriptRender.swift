import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import Foundation
import Logging

/// `aiprod render script.txt -o out.mp4`: the daemon's stage runner on a job folder beside the
/// video (`out.media/`), then the finished files copied out under the names the CLI promises.
/// A failure or a cancel takes every file of the render with it.
struct ScriptRender {
    let command: RenderCommand

    func run() throws {
        if command.srt != nil || command.vtt != nil || command.thumbnail != nil {
            throw StudioError(.invalidOption, "--srt, --vtt and --thumbnail are for timelines; a script render writes them beside the video")
        }
        try RenderCommand.requireWritableDirectory(for: command.output)
        let studio = command.studio
        let file = try ConfigFile(studio.config)
        var config = try file.studio()
        if let watermark = command.watermark { config.watermark = watermark }
        let spec = JobSpec(script: try StudioOptions.readScript(command.timeline, config: config), preset: try studio.resolvedPreset().name,
                           duration: try studio.targetDuration(), seed: studio.seed)
        var service = file.service
        service.studio = config
        let runner = try StudioFactory.runner(studio: config, limits: try file.limits(), remote: RemoteStudio(config: service),
                                              music: service.music)
        let outputs = ScriptOutputs(video: command.output)
        let directory = JobDirectory(root: outputs.jobDirectory)

        let cancellation = RenderCancellation()
        let interrupt = InterruptHandler(cancelling: cancellation)
        defer { interrupt.stop() }
        let started = Date()
        let timings = StageTimes()
        let reporter = ProgressReporter()
        let quiet = command.quiet
        let context = StageContext(cancellation: cancellation, progress: { progress in
            if !quiet, progress.stage == .render { reporter.report(progress) }
        }, logger: Logger(label: "aiprod.render", factory: { _ in SwiftLogNoOpLogHandler() }))
        let result: JobResult
        let plan: Plan
        do {
            // A render again to the same output starts afresh: nothing of the last one is reused.
            for path in outputs.all { try? FileManager.default.removeItem(atPath: path) }
            if let assets = command.assets { try Self.bringIn(assets: assets, to: directory) }
            result = try runner.run(spec: spec, in: directory, context: context) { stage, event in
                switch event {
                case .started: if !quiet { FileHandle.standardError.write(Data("\(stage.rawValue)…\n".utf8)) }
                case .finished(let manifest): timings.add(stage, manifest.seconds)
                case .skipped, .failed: break
                }
            }
            plan = try JSONCoding.decoder.decode(Plan.self, from: Data(contentsOf: URL(fileURLWithPath: directory.plan)))
            try export(directory, to: outputs)
        } catch {
            // Nothing half-written: a failed job takes its side files with it.
            for path in outputs.all { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "%@: %d scenes, %.2f s in %.2f s (%.1fx realtime); %@",
                     command.output, plan.scenes.count, result.duration, seconds, result.duration / max(seconds, 0.001),
                     timings.all.map { String(format: "%@ %.2fs", $0.0.rawValue, $0.1) }.joined(separator: ", ")))
        for path in [outputs.srt, outputs.vtt, outputs.thumbnail, outputs.plan, outputs.timeline, outputs.qa] { print(path) }
        for warning in plan.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if !result.qaPassed {
            let report = try JSONCoding.decoder.decode(QAReport.self, from: Data(contentsOf: URL(fileURLWithPath: outputs.qa)))
            let failed = report.checks.filter { !$0.passed }
                .map { "\($0.name) (measured \($0.measured), expected \($0.expected))" }.joined(separator: "; ")
            throw StudioError(.qaFailed, "QA failed: \(failed); see \(outputs.qa)")
        }
    }

    /// The job's finished files under the CLI's names: the video linked, the timeline with its
    /// paths made relative to where `OUT.timeline.json` is, the QA report naming `OUT.mp4`.
    private func export(_ directory: JobDirectory, to outputs: ScriptOutputs) throws {
        try Self.place(directory.video, at: outputs.video)
        try Self.place(directory.thumbnail, at: outputs.thumbnail)
        try Self.place(directory.srt, at: outputs.srt)
        try Self.place(directory.vtt, at: outputs.vtt)
        try Self.place(directory.plan, at: outputs.plan)
        let timeline = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        let reference = outputs.jobReference
        let moved = TimelineFiles.map(timeline) { file in file.hasPrefix("/") ? file : reference + "/" + file }
        try AtomicOutput.write(JSONCoding.encoder.encode(moved), to: outputs.timeline)
        var report = try JSONCoding.decoder.decode(QAReport.self, from: Data(contentsOf: URL(fileURLWithPath: directory.qa)))
        report.file = outputs.video
        try AtomicOutput.write(JSONCoding.encoder.encode(report), to: outputs.qa)
    }

    /// `source` at `destination` too: a hard link (same folder, same file system), else a copy;
    /// through a temporary name, so a reader never sees half a file.
    private static func place(_ source: String, at destination: String) throws {
        let output = AtomicOutput(destination: destination)
        if link(source, output.temporaryPath) != 0 {
            try FileManager.default.copyItem(atPath: source, toPath: output.temporaryPath)
        }
        try output.commit()
    }

    /// The `--assets` folder's files (symlinks resolved; hidden files and folders skipped)
    /// into the job's `assets/`, as the daemon's worker brings in a job's asset ids.
    private static func bringIn(assets: String, to directory: JobDirectory) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: assets, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw StudioError(.invalidAsset, "assets folder \(assets) does not exist")
        }
        try FileManager.default.createDirectory(atPath: directory.assets, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: assets).sorted() where !name.hasPrefix(".") {
            let file = URL(fileURLWithPath: assets + "/" + name).resolvingSymlinksInPath().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            let destination = directory.assets + "/" + name
            if link(file, destination) != 0 {
                try FileManager.default.copyItem(atPath: file, toPath: destination)
            }
        }
    }
}
