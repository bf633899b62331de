import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// The JobSpec's options reach the stages: checked on the directed timeline (the run stops
/// before rendering, where each option has already taken effect).
@Suite("Stage runner: the job's options")
struct SpecOptionTests {
    /// The directed timeline and the job's folder (kept while `scratch` lives).
    static func direct(_ spec: JobSpec, _ name: String = #function) throws -> (Timeline, JobDirectory, ScratchDirectory) {
        let scratch = ScratchDirectory(name)
        let directory = PipelineFixture.directory(scratch)
        try PipelineFixture.runner().run(spec: spec, in: directory, context: PipelineFixture.context(), through: .direct)
        return (try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline))), directory, scratch)
    }

    @Test("defaults: effects, music and burnt-in subtitles")
    func defaults() throws {
        let (timeline, _, _) = try Self.direct(PipelineFixture.spec())
        #expect(!timeline.audio.effects.isEmpty && timeline.audio.music.count == 1)
        #expect(timeline.subtitles?.burnIn == true)
        #expect(timeline.output.width == 320 && timeline.output.height == 180)
    }

    @Test("effects off: no effects track and no effect files")
    func effectsOff() throws {
        var spec = PipelineFixture.spec()
        spec.effects = false
        let (timeline, directory, scratch) = try Self.direct(spec)
        #expect(timeline.audio.effects.isEmpty)
        #expect(!PipelineFixture.files(under: directory.root).contains { $0.hasPrefix("media/effect-") })
        withExtendedLifetime(scratch) {}
    }

    @Test("music: off gives no music; a volume moves its gain; a mood is the composer's")
    func music() throws {
        var spec = PipelineFixture.spec()
        spec.music = MusicRequest(enabled: false)
        let (silent, directory, scratch) = try Self.direct(spec, "music-off")
        #expect(silent.audio.music.isEmpty && !FileManager.default.fileExists(atPath: directory.path("media/music.wav")))
        spec.music = MusicRequest(mood: .epic, volumeDb: -6)
        let (louder, _, _) = try Self.direct(spec, "music-volume")
        #expect(louder.audio.music.first?.gainDb == Director.musicGainDb - 6)
        withExtendedLifetime(scratch) {}
    }

    @Test("subtitles: burn off keeps the cues off the picture; export off writes no SRT or VTT")
    func subtitles() throws {
        var spec = PipelineFixture.spec()
        spec.subtitles = SubtitleRequest(burn: false, export: false)
        let scratch = ScratchDirectory()
        let directory = PipelineFixture.directory(scratch)
        let result = try PipelineFixture.runner().run(spec: spec, in: directory, context: PipelineFixture.context())
        let timeline = try TimelineDecoder().decode(Data(contentsOf: URL(fileURLWithPath: directory.timeline)))
        #expect(timeline.subtitles?.burnIn == false && timeline.subtitles?.cues.isEmpty == false)
        #expect(result.subtitlesSrt == nil && result.subtitlesVtt == nil)
        #expect(!FileManager.default.fileExists(atPath: directory.srt) && !FileManager.default.fileExists(atPath: directory.vtt))
        #expect(result.qaPassed, "\(result.qaFailures)")
    }

    @Test("title and language override the planner's")
    func titleAndLanguage() throws {
        var spec = PipelineFixture.spec()
        spec.title = "Harbour Morning"
        let (timeline, directory, scratch) = try Self.direct(spec)
        let plan = try PipelineFixture.decode(Plan.self, directory.plan)
        #expect(plan.title == "Harbour Morning")
        #expect(timeline.video.clips[0].text.contains { $0.text == "Harbour Morning" })
        withExtendedLifetime(scratch) {}
    }

    @Test("voice: another installed voice speaks differently; an unknown one is the caller's error naming the field")
    func voice() throws {
        var spec = PipelineFixture.spec()
        let (_, usual, keepUsual) = try Self.direct(spec, "voice-usual")
        spec.voice = "en-gb"
        let (_, other, keepOther) = try Self.direct(spec, "voice-other")
        let a = try Data(contentsOf: URL(fileURLWithPath: usual.path("media/narration-1.wav")))
        let b = try Data(contentsOf: URL(fileURLWithPath: other.path("media/narration-1.wav")))
        #expect(a != b)
        for voice in ["xx-nope", "../../etc/passwd"] {
            spec.voice = voice
            do {
                _ = try Self.direct(spec, "voice-bad")
                Issue.record("voice \(voice) was accepted")
            } catch let error as PipelineError {
                #expect(error.category == .caller && error.errorField == "voice", "\(error)")
            }
        }
        withExtendedLifetime(keepUsual) {}
        withExtendedLifetime(keepOther) {}
    }

    @Test("aspect ratio picks the preset: 9:16 → shorts-9x16, 1:1 → square-1x1, 16:9 → web-720p", arguments: [
        (AspectRatio.portrait, "shorts-9x16", 1080, 1920), (.square, "square-1x1", 1080, 1080), (.landscape, "web-720p", 1280, 720),
    ])
    func aspectRatio(_ ratio: AspectRatio, _ name: String, _ width: Int, _ height: Int) throws {
        var spec = PipelineFixture.spec()
        spec.preset = nil
        spec.aspectRatio = ratio
        let (timeline, directory, scratch) = try Self.direct(spec, "ratio-\(name)")
        #expect(try PipelineFixture.decode(Plan.self, directory.plan).preset == name)
        #expect(timeline.output.width == width && timeline.output.height == height)
        withExtendedLifetime(scratch) {}
    }

    @Test("an unknown preset is refused before anything runs, naming the field")
    func unknownPreset() throws {
        var spec = PipelineFixture.spec()
        spec.preset = "vhs-480p"
        do {
            _ = try Self.direct(spec)
            Issue.record("an unknown preset was accepted")
        } catch let error as PipelineError {
            #expect(error.errorCode == "unknown_preset" && error.errorField == "preset" && error.category == .caller)
        }
    }

    @Test("the dry run gives the plan the plan stage writes")
    func dryRun() throws {
        var spec = PipelineFixture.spec()
        spec.title = "Dry"
        var dry = StudioFactory.dryRun(studio: StudioConfig())
        dry.presets = [PipelineFixture.preset]
        let planned = try dry.dryRun(spec)
        let (_, directory, scratch) = try Self.direct(spec)
        #expect(try PipelineFixture.decode(Plan.self, directory.plan) == planned)
        #expect(throws: PipelineError.self) { try dry.dryRun(JobSpec(script: "  ", preset: PipelineFixture.preset.name)) }
        withExtendedLifetime(scratch) {}
    }
}
