import AIProdCore
import AIProdMedia
@testable import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

@Suite("Script to video, every stage for real")
struct StudioPipelineTests {
    /// Small and quick: 320x180 at 25 fps, web loudness.
    static let preset = Preset(
        name: "test-180p", summary: "tests", width: 320, height: 180, fps: Rational(25),
        loudness: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5), transitions: TransitionKind.allCases,
        transitionSeconds: Rational(1, 2))

    static let english = """
    # Rain on the Harbour

    The boats rest in the harbour while rain falls on the quiet sea.

    Then the bell rings, and the happy crowd cheers in the square.
    """

    static func pipeline(_ config: StudioConfig = StudioConfig()) throws(StudioError) -> StudioPipeline<OfflinePlanner, EspeakNarrator, FluidSynthComposer, Foley> {
        StudioPipeline(planner: OfflinePlanner(config: config), narrator: EspeakNarrator(config: config),
                       composer: try FluidSynthComposer(config: config), effects: Foley(config: config))
    }

    @Test("an English script renders, passes QA, and writes every side file")
    func english() throws {
        let directory = ScratchDirectory()
        let output = directory.file("job.mp4")
        let result = try Self.pipeline().run(script: Self.english, job: ScriptJob(preset: Self.preset, seed: 7), output: output)
        #expect(result.qa.passed, "\(result.qa.checks.filter { !$0.passed })")
        #expect(result.plan.language == .english && result.plan.scenes.count == 2)
        #expect(directory.contents == ["job.jpg", "job.media", "job.mp4", "job.plan.json", "job.qa.json", "job.srt", "job.timeline.json", "job.vtt"])
        // Narration, music and at least one effect were generated.
        let media = try FileManager.default.contentsOfDirectory(atPath: result.outputs.mediaDirectory)
        #expect(media.contains("narration-1.wav") && media.contains("narration-2.wav") && media.contains("music.wav"))
        #expect(media.contains { $0.hasPrefix("sfx-") })
        #expect(!result.timeline.audio.effects.isEmpty)
        // Subtitles in sync: every cue starts at or after its scene's voice.
        let firstVoice = try #require(result.timeline.audio.narration.first).start
        #expect(result.timeline.subtitles!.cues.allSatisfy { $0.start >= firstVoice })
        #expect(try String(contentsOfFile: result.outputs.vtt, encoding: .utf8).hasPrefix("WEBVTT"))
        #expect(result.stageSeconds.map(\.0) == ["plan", "narrate", "foley", "score", "direct", "render", "qa"])
    }

    @Test("the written timeline renders again on its own (paths relative to it)")
    func rerender() throws {
        let directory = ScratchDirectory()
        let result = try Self.pipeline().run(script: Self.english, job: ScriptJob(preset: Self.preset), output: directory.file("a.mp4"))
        let data = try #require(FileManager.default.contents(atPath: result.outputs.timeline))
        let timeline = try TimelineDecoder().decode(data)
        #expect(timeline.audio.narration.allSatisfy { $0.file.hasPrefix("a.media/") })
        let again = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: directory.file("b.mp4"))
        #expect(again.frames == result.render.frames)
    }

    @Test("a French script with the job's own picture: the picture is matched by keyword")
    func frenchWithAssets() throws {
        let directory = ScratchDirectory()
        let assets = directory.file("assets")
        try FileManager.default.createDirectory(atPath: assets, withIntermediateDirectories: true)
        try SyntheticMedia.image("testsrc2=s=640x360", to: "\(assets)/montagne-neige.jpg")
        let script = "# La montagne\n\nLa neige tombe sur la montagne et le vent souffle.\n\nLe soir, un feu crépite dans le refuge."
        let result = try Self.pipeline().run(script: script, job: ScriptJob(preset: Self.preset, assetsDirectory: assets), output: directory.file("fr.mp4"))
        #expect(result.plan.language == .french)
        guard case .image(let image) = result.timeline.video.clips[0].content else {
            Issue.record("the first scene should show the matched picture, got \(result.timeline.video.clips[0].content)")
            return
        }
        #expect(image.file.hasSuffix("montagne-neige.jpg"))
        #expect(image.kenBurns != nil)
        #expect(result.qa.passed, "\(result.qa.checks.filter { !$0.passed })")
    }

    @Test("bad input fails with its error and leaves nothing behind")
    func badInput() throws {
        let directory = ScratchDirectory()
        let output = directory.file("x.mp4")
        let job = ScriptJob(preset: Self.preset)
        for (script, code) in [("", StudioError.Code.emptyScript), ("   \n\t ", .emptyScript), ("?! … -- ...", .emptyScript)] {
            #expect(throws: StudioError.self) { try Self.pipeline().run(script: script, job: job, output: output) }
            do { _ = try Self.pipeline().run(script: script, job: job, output: output) } catch { #expect(error.code == code) }
        }
        var small = StudioConfig()
        small.maxScriptCharacters = 20
        do {
            _ = try Self.pipeline(small).run(script: Self.english, job: job, output: output)
            Issue.record("an over-long script was accepted")
        } catch {
            #expect(error.code == .scriptTooLong && error.message.contains("20"))
        }
        var noVoice = StudioConfig()
        noVoice.voices[.english] = "xx-nope"
        do {
            _ = try Self.pipeline(noVoice).run(script: Self.english, job: job, output: output)
            Issue.record("a missing voice was accepted")
        } catch {
            #expect(error.code == .voiceMissing && error.message.contains("xx-nope"))
        }
        let assets = directory.file("assets")
        directory.write("not a picture", to: "assets/notes.jpg")
        do {
            _ = try Self.pipeline().run(script: Self.english, job: ScriptJob(preset: Self.preset, assetsDirectory: assets), output: output)
            Issue.record("a non-media asset was accepted")
        } catch {
            #expect(error.code == .invalidAsset && error.message.contains("notes.jpg"))
        }
        #expect(directory.contents == ["assets"], "nothing half-written: \(directory.contents)")
        do {
            _ = try FluidSynthComposer(soundfont: directory.file("missing.sf2"))
            Issue.record("a missing soundfont was accepted")
        } catch {
            #expect(error.code == .soundfontMissing && error.message.contains("missing.sf2"))
        }
    }
}
