import AIProdCore
import AIProdMedia
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// `MusicArranger`: library, then sources, then the composer, per mood segment; broken files
/// and failing sources are warnings; pieces crossfade at equal power into one exact bed.
@Suite("Music: arranging the bed")
struct MusicArrangerTests {
    static let soundfont = StudioConfig().soundfont

    static func segments(_ moods: [(Mood, Int)]) -> [MoodSegment] {
        var start: Int64 = 0
        return moods.map { mood, seconds in
            defer { start += Int64(seconds) * 48_000 }
            return MoodSegment(mood: mood, start: start, end: start + Int64(seconds) * 48_000)
        }
    }

    @Test("library, then the sources in order, then fluidsynth; each fallback named in a warning")
    func order() throws {
        let scratch = ScratchDirectory("arranger-order")
        scratch.makeDirectory("lib/calm")
        let clicks = "aevalsrc=exprs='if(lt(mod(t,0.5),0.015),sin(2*PI*1000*t)*exp(-mod(t,0.5)/0.004)*if(lt(mod(t,2),0.1),0.9,0.35),0)':d=30"
        try SyntheticMedia(audioCodec: "flac").write(audio: clicks, channels: 2, to: scratch.file("lib/calm/clicks.flac"))
        scratch.write("not audio at all", to: "lib/epic/broken.wav")
        let refusing = FakeMusicSource(name: "refuser", moods: [])
        let epicOnly = FakeMusicSource(name: "gen", moods: [.epic])
        let arranger = MusicArranger(composer: try FluidSynthComposer(soundfont: Self.soundfont), composerModel: "fluidsynth TimGM6mb",
                                     library: MusicLibrary(root: scratch.file("lib")), sources: [refusing, epicOnly],
                                     limits: MediaLimits(), crossfadeFrames: 2 * 48_000)
        let segments = Self.segments([(.calm, 16), (.epic, 14), (.sad, 12)])
        let output = scratch.file("music.wav")
        let arrangement = try arranger.arrange(segments, seed: 9, to: output, scratch: scratch.path, cancellation: RenderCancellation())

        #expect(arrangement.pieces.map(\.source) == [.library, .remote, .composed])
        #expect(arrangement.pieces.map(\.mood) == [.calm, .epic, .sad])
        #expect(arrangement.pieces[0].file == "calm/clicks.flac" && arrangement.pieces[0].credit.source == "library")
        #expect(arrangement.pieces[1].credit.source == "gen" && arrangement.pieces[1].credit.model == "fake-gen")
        let composed = arrangement.pieces[2].credit
        #expect(composed.source == "offline" && composed.license == .generated && composed.model == "fluidsynth TimGM6mb" && composed.seed != nil)
        let warnings = arrangement.warnings.joined(separator: "\n")
        #expect(warnings.contains("epic/broken.wav"), "\(warnings)")
        #expect(warnings.contains("refuser") && warnings.contains("sad"), "\(warnings)")
        #expect(arrangement.warnings.contains { $0.contains("library has no piece for the sad mood") })
        // The sources were asked in order, for at least the span they were to fill.
        #expect(refusing.calls.all.map(\.mood) == [.epic, .sad] && epicOnly.calls.all.map(\.mood) == [.epic, .sad])
        #expect(epicOnly.calls.all[0].seconds >= 14)
        // Pieces follow each other, overlapping by the crossfade.
        for (before, after) in zip(arrangement.pieces, arrangement.pieces.dropFirst()) {
            #expect(abs(after.start - (before.end - 2)) < 0.001, "\(before.end) → \(after.start)")
        }
        #expect(arrangement.pieces[0].start == 0)
        let bed = try AudioFileDecoder.stereo48k(path: output, frames: 50 * 48_000, limits: MediaLimits())
        #expect(bed.count == 2 * 42 * 48_000)
        #expect(bed.first == 0 && bed.last == 0)
        #expect(scratch.contents.allSatisfy { !$0.hasSuffix(".partial") }, "\(scratch.contents)")
    }

    @Test("two pieces crossfade at equal power: the sum's level holds through the change")
    func crossfade() throws {
        let scratch = ScratchDirectory("arranger-crossfade")
        scratch.makeDirectory("lib/calm")
        scratch.makeDirectory("lib/epic")
        // Calm on the left channel only, epic on the right, both steady noise of one level.
        let frames = 40 * 48_000
        var left = MusicSounds.noise(frames: frames, level: 0.3, seed: 1), right = MusicSounds.noise(frames: frames, level: 0.3, seed: 2)
        for frame in 0..<frames { left[2 * frame + 1] = 0; right[2 * frame] = 0 }
        try WAVFile.write(left, channels: 2, to: scratch.file("lib/calm/left.wav"))
        try WAVFile.write(right, channels: 2, to: scratch.file("lib/epic/right.wav"))
        let arranger = MusicArranger(composer: try FluidSynthComposer(soundfont: Self.soundfont), composerModel: "fluidsynth",
                                     library: MusicLibrary(root: scratch.file("lib")), sources: [], limits: MediaLimits(),
                                     crossfadeFrames: 3 * 48_000)
        let output = scratch.file("music.wav")
        let arrangement = try arranger.arrange(Self.segments([(.calm, 24), (.epic, 24)]), seed: 1, to: output, scratch: scratch.path,
                                               cancellation: RenderCancellation())
        #expect(arrangement.pieces.map(\.source) == [.library, .library] && arrangement.warnings.isEmpty)
        let bed = try AudioFileDecoder.stereo48k(path: output, frames: 60 * 48_000, limits: MediaLimits())
        #expect(bed.count == 2 * 48 * 48_000)
        let level = MusicSounds.rms(left, 0..<frames) * 2.0.squareRoot()  // one channel's RMS
        func channelRMS(_ channel: Int, _ range: Range<Int>) -> Double {
            var sum = 0.0
            for frame in range { sum += Double(bed[2 * frame + channel]) * Double(bed[2 * frame + channel]) }
            return (sum / Double(range.count)).squareRoot()
        }
        var both = 0
        var worst = 0.0
        for window in stride(from: 2 * 48_000, to: 40 * 48_000, by: 2_400) {
            let l = channelRMS(0, window..<(window + 2_400)), r = channelRMS(1, window..<(window + 2_400))
            if l > 0.1 * level && r > 0.1 * level { both += 1 }
            let db = 10 * log10((l * l + r * r) / (level * level))
            worst = max(worst, abs(db))
        }
        #expect(worst < 1.5, "the summed level strays \(worst) dB")
        let overlap = Double(both) * 0.05
        #expect(overlap > 2.3 && overlap < 3.2, "both pieces heard together for \(overlap) s")
        #expect(abs(arrangement.pieces[1].start - (arrangement.pieces[0].end - 3)) < 0.001)
        #expect(arrangement.pieces[0].end > 20 && arrangement.pieces[0].end <= 25.5)
    }

    @Test("a cancel is not a fallback: it stops the arrangement, writes no bed and leaves no scratch file")
    func cancelled() throws {
        let scratch = ScratchDirectory("arranger-cancel")
        let source = FakeMusicSource(name: "gen", moods: [.calm], cancels: true)
        let arranger = MusicArranger(composer: try FluidSynthComposer(soundfont: Self.soundfont), composerModel: "fluidsynth",
                                     library: MusicLibrary(root: nil), sources: [source], limits: MediaLimits(), crossfadeFrames: 48_000)
        let output = scratch.file("music.wav")
        #expect(throws: StudioError.self) {
            try arranger.arrange(Self.segments([(.calm, 12), (.epic, 12)]), seed: 1, to: output, scratch: scratch.path,
                                 cancellation: RenderCancellation())
        }
        do {
            _ = try arranger.arrange(Self.segments([(.calm, 12), (.epic, 12)]), seed: 1, to: output, scratch: scratch.path,
                                     cancellation: RenderCancellation())
        } catch {
            #expect(error.code == .cancelled, "\(error)")
        }
        #expect(source.calls.all.map(\.mood) == [.calm, .calm], "no other source or the composer after the cancel")
        #expect(scratch.contents.isEmpty, "\(scratch.contents)")
    }
}
