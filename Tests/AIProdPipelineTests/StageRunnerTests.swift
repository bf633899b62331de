import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

@Suite("Stage runner: a job in its folder, stage by stage, resumable")
struct StageRunnerTests {
    @Test("a whole run writes every stage's files and manifest, and a result that matches the video")
    func wholeRun() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        let log = StageLog()
        let progress = ProgressLog()
        let result = try PipelineFixture.runner().run(spec: PipelineFixture.spec(), in: directory,
                                                      context: PipelineFixture.context(progress: progress), onStage: log.record)
        #expect(log.ran == StageName.allCases)
        // Every stage reports its start and end; the long ones report along the way too.
        for stage in StageName.allCases {
            #expect(progress.fractions(stage).first == 0 && progress.fractions(stage).last == 1, "\(stage): \(progress.fractions(stage))")
        }
        for stage in [StageName.score, .render] {
            #expect(progress.fractions(stage).contains { $0 > 0 && $0 < 1 }, "\(stage): \(progress.fractions(stage))")
        }
        #expect(result.qaPassed, "\(result.qaFailures)")
        let files = PipelineFixture.files(under: directory.root)
        for name in ["spec.json", "plan.json", "timeline.json", "video.mp4", "thumbnail.jpg", "subtitles.srt", "subtitles.vtt", "qa.json",
                     "result.json", "media/narration-1.wav", "media/narration.json", "media/effects.json",
                     "media/music.wav"] + StageName.allCases.map({ "stages/\($0.rawValue).json" }) {
            #expect(files.contains(name), "\(name) missing from \(files)")
        }
        #expect(files.contains { $0.hasPrefix("media/effect-") }, "\(files)")
        #expect(!files.contains { $0.contains(".partial") || $0.contains(".foley") }, "\(files)")
        // The result is what result.json holds, and its digest is the video's.
        #expect(try PipelineFixture.decode(JobResult.self, directory.result) == result)
        let video = try Data(contentsOf: URL(fileURLWithPath: directory.video))
        #expect(result.videoBytes == Int64(video.count))
        #expect(result.videoSha256 == Self.sha256(directory.video))
        #expect(result.video == "video.mp4" && result.subtitlesSrt == "subtitles.srt")
        // Word timings and chosen effects are saved for the later stages.
        let narrations = try PipelineFixture.decode([Narration].self, directory.path("media/narration.json"))
        let plan = try PipelineFixture.decode(Plan.self, directory.plan)
        #expect(narrations.count == plan.scenes.count && narrations.allSatisfy { !$0.words.isEmpty && $0.path.hasPrefix("media/") })
        let effects = try PipelineFixture.decode([[SoundEffect]].self, directory.path("media/effects.json"))
        #expect(effects.flatMap { $0 }.allSatisfy { $0.path.hasPrefix("media/effect-") })
        // The timeline names only files inside the job, relative to it.
        let timeline = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        #expect(TimelineFiles.all(timeline).allSatisfy { !$0.hasPrefix("/") && FileManager.default.fileExists(atPath: directory.path($0)) })
        // A manifest records its files with their sizes.
        let manifest = try #require(directory.finishedManifest(.narrate))
        #expect(manifest.files.map(\.path) == plan.scenes.map { "media/narration-\($0.index + 1).wav" } + ["media/narration.json"])
        #expect(manifest.files.allSatisfy { $0.bytes > 0 })

        // Run again: every stage checks out and is skipped; nothing is rewritten.
        let before = PipelineFixture.identity(directory.video)
        let again = StageLog()
        #expect(try PipelineFixture.runner().run(spec: PipelineFixture.spec(), in: directory, context: PipelineFixture.context(),
                                                 onStage: again.record) == result)
        #expect(again.skipped == StageName.allCases && again.ran.isEmpty)
        #expect(PipelineFixture.identity(directory.video) == before)
    }

    @Test("a failure in a middle stage keeps the finished stages; the resume skips them and finishes")
    func resumeAfterFailure() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        // A document among the job's pictures: the visuals stage refuses it.
        scratch.write("not a picture", to: "job/assets/bell-notes.jpg")
        let first = StageLog()
        do {
            _ = try PipelineFixture.runner().run(spec: PipelineFixture.spec(), in: directory, context: PipelineFixture.context(), onStage: first.record)
            Issue.record("a non-media asset was accepted")
        } catch {
            #expect(error.stage == .visuals && error.errorCode == "invalid_asset" && error.category == .caller, "\(error)")
        }
        #expect(first.ran == [.plan, .narrate, .foley, .score])
        // The failed stage left nothing of its own; the finished ones are intact.
        #expect(!FileManager.default.fileExists(atPath: directory.path(JobDirectory.visuals)))
        #expect(!FileManager.default.fileExists(atPath: directory.manifest(.visuals)))
        let kept = ["plan.json", "media/narration-1.wav", "media/narration.json", "media/music.wav", "media/effects.json"]
        let identities = kept.map { PipelineFixture.identity(directory.path($0)) }
        #expect(identities.allSatisfy { $0 != nil })

        try FileManager.default.removeItem(atPath: directory.path("assets/bell-notes.jpg"))
        let second = StageLog()
        let result = try PipelineFixture.runner().run(spec: PipelineFixture.spec(), in: directory, context: PipelineFixture.context(),
                                                      onStage: second.record)
        #expect(second.skipped == [.plan, .narrate, .foley, .score])
        #expect(second.ran == [.visuals, .direct, .render, .qa, .publish])
        #expect(kept.map { PipelineFixture.identity(directory.path($0)) } == identities, "the finished stages' files were not rewritten")
        #expect(result.qaPassed, "\(result.qaFailures)")
    }

    @Test("a tampered or missing artifact makes its stage run again, and every stage after it")
    func tamperedArtifact() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        let runner = try PipelineFixture.runner()
        let spec = PipelineFixture.spec()
        try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: .direct)
        let plan = PipelineFixture.identity(directory.plan)

        // A half-written file a killed run left behind goes when a stage next runs.
        scratch.write("half", to: "job/media/.music.wav.dead1234.partial")
        // The music cut short: score runs again, and direct after it.
        let handle = try #require(FileHandle(forWritingAtPath: directory.path("media/music.wav")))
        try handle.truncate(atOffset: 1000)
        try handle.close()
        let log = StageLog()
        try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: .direct, onStage: log.record)
        #expect(log.skipped == [.plan, .narrate, .foley] && log.ran == [.score, .visuals, .direct])
        #expect(PipelineFixture.identity(directory.plan) == plan)
        #expect(directory.finishedManifest(.score) != nil)
        #expect(!FileManager.default.fileExists(atPath: directory.path("media/.music.wav.dead1234.partial")))

        // A narration gone: narrate runs again.
        try FileManager.default.removeItem(atPath: directory.path("media/narration-1.wav"))
        let again = StageLog()
        try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: .direct, onStage: again.record)
        #expect(again.skipped == [.plan] && again.ran == [.narrate, .foley, .score, .visuals, .direct])
        #expect(FileManager.default.fileExists(atPath: directory.path("media/narration-1.wav")))

        // A manifest that does not decode counts as no manifest.
        try Data("{".utf8).write(to: URL(fileURLWithPath: directory.manifest(.plan)))
        let third = StageLog()
        try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: .plan, onStage: third.record)
        #expect(third.ran == [.plan])
    }

    static func sha256(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init)
    }
}
