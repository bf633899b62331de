import AIProdCore
import AIProdMedia
import ArgumentParser
import Foundation

/// `aiprod render timeline.json -o out.mp4 [--srt …] [--vtt …] [--thumbnail …]`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a script (text) or a timeline (JSON) to a finished MP4.",
        discussion: """
        A script (any file not ending in .json) goes through the whole studio: plan, narration, \
        music, effects, visuals, render, QA. Beside OUT.mp4 it writes OUT.srt, OUT.vtt, OUT.jpg, \
        OUT.plan.json, OUT.timeline.json, OUT.qa.json and the job's folder OUT.media/ (the stages' \
        files and manifests, as the daemon keeps them); it exits 3 when a QA check fails. A timeline (.json, docs/TIMELINE.md) is rendered as it is.
        """)

    @Argument(help: "The script (.txt, French or English) or timeline (.json) to render.")
    var timeline: String

    @Option(name: [.short, .customLong("output")], help: "The MP4 to write.")
    var output: String

    @Option(help: "Also write the subtitle cues as SRT.")
    var srt: String?

    @Option(help: "Also write the subtitle cues as WebVTT.")
    var vtt: String?

    @Option(help: "Also write a JPEG thumbnail.")
    var thumbnail: String?

    @Option(name: .customLong("thumbnail-at"), help: "Time of the thumbnail in seconds (default: a third of the way in).")
    var thumbnailAt: Double?

    @Flag(name: [.short, .long], help: "No progress output.")
    var quiet = false

    @Flag(name: .customLong("allow-outside-paths"),
          help: "Timeline: let media paths leave the timeline's folder (absolute paths, \"..\", symlinks out of it).")
    var allowOutsidePaths = false

    @OptionGroup(title: "Script options") var studio: StudioOptions

    @Option(help: "Script: a folder of the job's own images and clips, matched to scenes by file name.")
    var assets: String?

    @Option(help: "Script: a watermark image for every frame.")
    var watermark: String?

    func run() throws {
        do {
            if timeline.lowercased().hasSuffix(".json") {
                try render()
            } else {
                try ScriptRender(command: self).run()
            }
        } catch {
            throw ExitCodes.report(error)
        }
    }

    private func render() throws {
        let limits = try ConfigFile(studio.config).limits()
        let (timeline, resolver) = try TimelineLoader.load(self.timeline, limits: limits,
                                                           reach: allowOutsidePaths ? .anywhere : .confined)
        for path in [output, srt, vtt, thumbnail].compactMap({ $0 }) {
            do {
                try Self.requireWritableDirectory(for: path)
            } catch {
                throw ExitCodes.report(error, status: ExitCodes.badInput)
            }
        }
        if let thumbnailAt, !(thumbnailAt >= 0) {
            throw MediaError(.invalidTimeline, "--thumbnail-at must be ≥ 0 seconds")
        }
        let cancellation = RenderCancellation()
        let interrupt = InterruptHandler(cancelling: cancellation)
        defer { interrupt.stop() }
        let reporter = ProgressReporter()
        let started = Date()
        let result = try TimelineRenderer(timeline: timeline, resolver: resolver, limits: limits.documents)
            .render(to: output, cancellation: cancellation, progress: { progress in
                if !quiet { reporter.report(progress) }
            })
        var written = [output]
        do {
            let cues = timeline.subtitles?.cues ?? []
            if let srt {
                try AtomicOutput.write(SubtitleFormatter().srt(cues), to: srt)
                written.append(srt)
            }
            if let vtt {
                try AtomicOutput.write(SubtitleFormatter().webVTT(cues), to: vtt)
                written.append(vtt)
            }
            if let thumbnail {
                let duration = TimelineSchedule(timeline).duration.doubleValue
                try ThumbnailWriter().write(video: output, at: thumbnailAt ?? duration / 3, to: thumbnail)
                written.append(thumbnail)
            }
        } catch {
            // All or nothing: a failed side file takes the video with it.
            for path in written { try? FileManager.default.removeItem(atPath: path) }
            throw error
        }
        let seconds = Date().timeIntervalSince(started)
        let duration = Double(result.samples) / 48_000
        let m = result.mastering
        print(String(format: "%@: %lld frames, %.2f s in %.2f s (%.1fx realtime); loudness %.1f LUFS, true peak %.1f dBTP (gain %+.1f dB%@)",
                     output, result.frames, duration, seconds, duration / max(seconds, 0.001),
                     m.predicted.integratedLufs, m.predicted.truePeakDbtp, m.gainDb, m.limiterDb == nil ? "" : ", limiter"))
        for path in written.dropFirst() { print(path) }
    }

    static func requireWritableDirectory(for path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MediaError(.writeFailed, file: path, "output directory \(directory) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw MediaError(.writeFailed, file: path, "output directory \(directory) is not writable")
        }
    }
}
