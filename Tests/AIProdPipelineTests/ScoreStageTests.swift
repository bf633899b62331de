import AIProdCore
import AIProdMedia
import AIProdPipeline
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// The score stage on the fixture's two-scene job: the plan's moods, the `[music]` library,
/// fluidsynth for what the library lacks, `media/music.json` and `media/music-warnings.json`.
@Suite("Stage runner: score")
struct ScoreStageTests {
    /// Two scenes (the headings keep them apart).
    static let script = """
    # Two Moods

    ## Morning

    The old bell rings over the quiet harbour while the rain falls softly on the grey sea.

    ## Storm

    Thunder rolls over the hills, the door bangs, and the crowd runs home before the storm breaks.
    """

    /// The job planned and narrated, its scene N's mood set to `moods[N]` (the last for the
    /// scenes after), and a runner whose `[music]` is `music`.
    static func prepared(_ scratch: ScratchDirectory, moods: [Mood], music: MusicConfig,
                         spec: JobSpec = PipelineFixture.spec(script)) throws -> (StudioFactory.LocalRunner, JobDirectory) {
        var runner = try PipelineFixture.runner()
        runner.settings.music = music
        let directory = PipelineFixture.directory(scratch)
        try runner.run(spec: spec, in: directory, context: PipelineFixture.context(), through: .narrate)
        var plan = try PipelineFixture.decode(Plan.self, directory.plan)
        try #require(plan.scenes.count >= moods.count)
        for index in plan.scenes.indices { plan.scenes[index].mood = moods[min(index, moods.count - 1)] }
        try JSONCoding.encoder.encode(plan).write(to: URL(fileURLWithPath: directory.plan))
        return (runner, directory)
    }

    /// The bed's length the director will ask for.
    static func expectedFrames(_ directory: JobDirectory) throws -> Int {
        let plan = try PipelineFixture.decode(Plan.self, directory.plan)
        let narrations = try PipelineFixture.decode([Narration].self, directory.path(JobDirectory.narrations))
        return Int(Director(preset: PipelineFixture.preset, seed: 3).duration(plan: plan, narrationSamples: narrations.map(\.sampleCount))
            .samples(at: 48_000))
    }

    static func rms(_ samples: [Float], _ range: Range<Int>) -> Double {
        var sum = 0.0
        for index in (2 * range.lowerBound)..<(2 * range.upperBound) { sum += Double(samples[index]) * Double(samples[index]) }
        return (sum / Double(2 * range.count)).squareRoot()
    }

    @Test("a library piece for one mood, fluidsynth for the other: two pieces crossfaded into one exact bed, and why")
    func libraryAndComposer() throws {
        let scratch = ScratchDirectory("score-two-moods")
        scratch.makeDirectory("library/calm")
        try SyntheticMedia(audioCodec: "flac").write(audio: "anoisesrc=c=pink:a=0.2:d=30", channels: 2, to: scratch.file("library/calm/surf.flac"))
        var music = MusicConfig()
        music.library = scratch.file("library")
        music.minMoodSeconds = 1
        music.crossfadeSeconds = 1
        let (runner, directory) = try Self.prepared(scratch, moods: [.calm, .epic], music: music)
        let manifest = try runner.runStage(.score, spec: PipelineFixture.spec(Self.script), in: directory, context: PipelineFixture.context())
        #expect(Set(manifest.files.map(\.path)) == [JobDirectory.music, JobDirectory.musicPieces, JobDirectory.musicWarnings])

        let pieces = try PipelineFixture.decode([MusicPiece].self, directory.path(JobDirectory.musicPieces))
        try #require(pieces.count == 2)
        #expect(pieces.map(\.mood) == [.calm, .epic] && pieces.map(\.source) == [.library, .composed])
        #expect(pieces[0].file == "calm/surf.flac" && pieces[0].credit.source == "library" && pieces[0].credit.license == .studio)
        #expect(pieces[0].credit.title == "surf" && pieces.allSatisfy { $0.credit.file == JobDirectory.music && $0.credit.role == .music })
        #expect(pieces[1].credit.source == "offline" && pieces[1].credit.license == .generated)
        #expect(pieces[1].credit.model?.hasPrefix("fluidsynth ") == true && pieces[1].credit.seed != nil)
        #expect(abs(pieces[1].start - (pieces[0].end - 1)) < 0.001, "the pieces overlap by the crossfade")
        let warnings = try PipelineFixture.decode([String].self, directory.path(JobDirectory.musicWarnings))
        #expect(warnings.contains { $0.contains("no piece for the epic mood") }, "\(warnings)")

        let frames = try Self.expectedFrames(directory)
        let bed = try AudioFileDecoder.stereo48k(path: directory.path(JobDirectory.music), frames: frames + 1_000, limits: MediaLimits())
        #expect(bed.count == 2 * frames)
        #expect(bed.first == 0 && bed.last == 0)
        // Through the crossfade the bed never drops far below the quieter of the two pieces.
        let change = Int(pieces[1].start * 48_000)
        let before = Self.rms(bed, (change - 24_000)..<change), after = Self.rms(bed, (change + 48_000)..<(change + 72_000))
        #expect(before > 0.01 && after > 0.01, "levels \(before), \(after)")
        for window in stride(from: change, to: change + 48_000, by: 4_800) {
            let level = Self.rms(bed, window..<(window + 4_800))
            #expect(20 * log10(level / min(before, after)) > -6, "at \(Double(window) / 48_000) s: \(level)")
        }
    }

    @Test("a broken library file is skipped with a warning and fluidsynth fills in; the forced mood gives one piece")
    func brokenLibraryFile() throws {
        let scratch = ScratchDirectory("score-broken")
        scratch.write("this is not music", to: "library/calm/broken.mp3")
        var music = MusicConfig()
        music.library = scratch.file("library")
        var spec = PipelineFixture.spec(Self.script)
        spec.music = MusicRequest(mood: .calm)
        let (runner, directory) = try Self.prepared(scratch, moods: [.epic, .sad], music: music, spec: spec)
        try runner.runStage(.score, spec: spec, in: directory, context: PipelineFixture.context())
        let pieces = try PipelineFixture.decode([MusicPiece].self, directory.path(JobDirectory.musicPieces))
        #expect(pieces.map(\.mood) == [.calm] && pieces.map(\.source) == [.composed])
        let warnings = try PipelineFixture.decode([String].self, directory.path(JobDirectory.musicWarnings))
        #expect(warnings.contains { $0.contains("calm/broken.mp3") && $0.contains("skipped") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("composed offline") }, "\(warnings)")
        let frames = try Self.expectedFrames(directory)
        #expect(try AudioFileDecoder.stereo48k(path: directory.path(JobDirectory.music), frames: frames + 10, limits: MediaLimits()).count == 2 * frames)
    }

    @Test("no library: one composed piece, no warnings file; a missing library folder is a warning")
    func noLibrary() throws {
        let scratch = ScratchDirectory("score-no-library")
        let (runner, directory) = try Self.prepared(scratch, moods: [.calm, .calm], music: MusicConfig())
        let manifest = try runner.runStage(.score, spec: PipelineFixture.spec(Self.script), in: directory, context: PipelineFixture.context())
        #expect(Set(manifest.files.map(\.path)) == [JobDirectory.music, JobDirectory.musicPieces])
        #expect(!FileManager.default.fileExists(atPath: directory.path(JobDirectory.musicWarnings)))
        let pieces = try PipelineFixture.decode([MusicPiece].self, directory.path(JobDirectory.musicPieces))
        #expect(pieces.count == 1 && pieces[0].source == .composed && pieces[0].start == 0)
        #expect(abs(pieces[0].end - Double(try Self.expectedFrames(directory)) / 48_000) < 0.001)

        let missing = ScratchDirectory("score-missing-library")
        var music = MusicConfig()
        music.library = missing.file("nowhere")
        let (again, folder) = try Self.prepared(missing, moods: [.calm, .calm], music: music)
        try again.runStage(.score, spec: PipelineFixture.spec(Self.script), in: folder, context: PipelineFixture.context())
        let warnings = try PipelineFixture.decode([String].self, folder.path(JobDirectory.musicWarnings))
        #expect(warnings.contains { $0.contains("nowhere") && $0.contains("missing") }, "\(warnings)")
    }
}
