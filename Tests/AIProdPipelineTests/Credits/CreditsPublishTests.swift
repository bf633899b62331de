import AIProdCore
import AIProdMedia
@testable import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

@Suite("Credits: publish writes credits.json and credits.txt and gathers every stage's warnings", .oneRenderAtATime)
struct CreditsPublishTests {
    @Test("publish on a folder with every record: both files, listed in its outputs, and each stage's warnings in the result")
    func publishWritesBoth() throws {
        let scratch = ScratchDirectory()
        let directory = try CreditsFolder.filled(scratch)
        let timeline = Timeline(output: OutputSettings(width: 320, height: 180, fps: Rational(25)),
                                video: VideoTrack(clips: [Clip(duration: Rational(2), content: .color(ColorCard(color: .black)))]))
        try directory.writeJSON(timeline, to: JobDirectory.timeline, stage: nil)
        try directory.writeJSON(QAReport(file: JobDirectory.video, checks: []), to: JobDirectory.qa, stage: nil)
        try directory.write(Data(repeating: 7, count: 1000), to: JobDirectory.video, stage: nil)
        try directory.writeJSON(["voice tts failed at scene 3 (timeout: slow); scenes 3–4 are spoken by the offline voice"],
                                to: JobDirectory.narrationWarnings, stage: nil)
        try directory.writeJSON(["sounds found nothing for wind; synthesised"], to: JobDirectory.foleyWarnings, stage: nil)
        try directory.writeJSON(["the library's calm/broken.wav does not decode; composed instead"], to: JobDirectory.musicWarnings, stage: nil)
        try directory.writeJSON(["painter failed for scene 4 (http_500: busy); stock instead", "scene 5: no picture; a title card"],
                                to: JobDirectory.visualWarnings, stage: nil)

        let job = StageJob(spec: PipelineFixture.spec(), directory: directory, context: PipelineFixture.context(), settings: RunnerSettings())
        let outputs = try PublishStage().run(job)
        #expect(Set(outputs) == ["credits.json", "credits.txt", "result.json"])
        let result = try PipelineFixture.decode(JobResult.self, directory.result)
        #expect(result.warnings == [
            "gpt did not plan the script (invalid_answer: no scenes); trying the next",
            "voice tts failed at scene 3 (timeout: slow); scenes 3–4 are spoken by the offline voice",
            "sounds found nothing for wind; synthesised",
            "the library's calm/broken.wav does not decode; composed instead",
            "painter failed for scene 4 (http_500: busy); stock instead", "scene 5: no picture; a title card",
        ])
        let written = try PipelineFixture.decode(CreditsDocument.self, directory.path(JobDirectory.credits))
        #expect(written.credits.count == 17)
        #expect(written.attribution == ["“Bell tower” by Bo (example.org/bell), CC BY 4.0", "“Rain on tin” by jdoe (freesound.org/s/123), CC BY 4.0"])
        let text = try String(contentsOfFile: directory.path(JobDirectory.creditsText), encoding: .utf8)
        #expect(text.hasPrefix("Credits — The Bell\n") && text.contains("\nMusic\n") && text.contains("“Rain on tin” by jdoe"))
        // The offline voice is named from the studio's voices for the plan's language.
        #expect(written.credits.contains { $0.role == .voice && $0.source == "offline" && $0.title == "en-us" })
    }

    @Test("a whole offline run publishes the credits: the offline planner, espeak-ng per scene, the effects and the music")
    func wholeRun() throws {
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        _ = try PipelineFixture.runner().run(spec: PipelineFixture.spec(), in: directory, context: PipelineFixture.context(), onStage: { _, _ in })
        let manifest = try #require(directory.finishedManifest(.publish))
        #expect(Set(manifest.files.map(\.path)) == ["credits.json", "credits.txt", "result.json"])
        let document = try PipelineFixture.decode(CreditsDocument.self, directory.path(JobDirectory.credits))
        let plan = try PipelineFixture.decode(Plan.self, directory.plan)
        #expect(document.credits.first == Credit(role: .plan, file: "plan.json", source: "offline", title: plan.title, license: .generated,
                                                 model: "aiprod offline planner", seed: plan.seed))
        let voices = document.credits.filter { $0.role == .voice }
        #expect(voices.map(\.scene) == plan.scenes.map(\.index))
        #expect(voices.allSatisfy { $0.source == "offline" && $0.model == "espeak-ng" && $0.file?.hasPrefix("media/narration-") == true })
        let cues = plan.scenes.reduce(0) { $0 + $1.soundCues.count }
        #expect(cues > 0 && document.credits.filter { $0.role == .effect }.count == cues)
        #expect(document.attribution.isEmpty)
        let text = try String(contentsOfFile: directory.path(JobDirectory.creditsText), encoding: .utf8)
        #expect(text.contains("\nScript & plan\n") && text.contains("\nVoice\n") && text.contains("\nEffects\n"), "\(text)")
    }
}
