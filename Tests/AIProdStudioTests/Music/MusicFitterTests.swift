import AIProdCore
import AIProdMedia
import AIProdStudio
import AIProdTestSupport
import Foundation
import Testing

/// `MusicFitter` and `BeatTracker` on click tracks of known tempo and metre, written to WAV and
/// read back through libav: the cut lands on a bar line, the length is exact, loops keep the pulse.
@Suite("Music: fitting a piece to a length")
struct MusicFitterTests {
    struct Track: CustomTestStringConvertible, Sendable {
        var bpm: Double, beatsPerBar: Int, offset: Double, seconds: Double, target: Double
        var testDescription: String { "\(bpm) BPM in \(beatsPerBar), cut for \(target) s" }
    }

    static let tracks = [
        Track(bpm: 120, beatsPerBar: 4, offset: 0.25, seconds: 20, target: 13.3),
        Track(bpm: 100, beatsPerBar: 4, offset: 0.1, seconds: 25, target: 17.0),
        Track(bpm: 132, beatsPerBar: 3, offset: 0.3, seconds: 20, target: 11.0),
    ]

    @Test("a long piece is cut on its last bar line before the length, within 3 ms", arguments: tracks)
    func cutOnBar(_ track: Track) throws {
        let scratch = ScratchDirectory("fit-bar")
        let source = try MusicSounds.roundTrip(MusicSounds.clicks(bpm: track.bpm, beatsPerBar: track.beatsPerBar, offset: track.offset,
                                                                  seconds: track.seconds), in: scratch.path, name: "clicks.wav").samples
        let frames = Int(track.target * 48_000)
        let fitted = MusicFitter().fit(source, frames: frames, fadeIn: MusicRamp(frames: 48_000), fadeOut: MusicRamp(frames: 96_000))
        let expected = (0...100).map { MusicSounds.bar($0, bpm: track.bpm, beatsPerBar: track.beatsPerBar, offset: track.offset) }
            .last { $0 <= frames }!
        #expect(fitted.frames == frames)
        #expect(fitted.ending == .bar)
        #expect(abs(fitted.end - expected) <= 144, "cut at \(fitted.end), the bar is at \(expected)")
        let grid = try #require(fitted.grid)
        #expect(abs(grid.beatsPerMinute - track.bpm) < 0.5, "heard \(grid.beatsPerMinute) BPM")
        #expect(grid.beatsPerBar == track.beatsPerBar)
        // Faded in from silence, out to silence at the cut, silent after it.
        #expect(fitted.samples[0] == 0 && fitted.samples[1] == 0)
        #expect(fitted.samples[(2 * fitted.end)...].allSatisfy { $0 == 0 })
        #expect(MusicSounds.rms(fitted.samples, (fitted.end - 480)..<fitted.end) < 0.002)
        #expect(MusicSounds.rms(fitted.samples, 96_000..<(fitted.end - 96_000)) > 0.01)
    }

    @Test("every length is exact to the frame: cut, looped, tiny, and from a piece without a beat")
    func exactLength() throws {
        let scratch = ScratchDirectory("fit-length")
        let clicks = try MusicSounds.roundTrip(MusicSounds.clicks(bpm: 120, beatsPerBar: 4, offset: 0, seconds: 10),
                                               in: scratch.path, name: "clicks.wav").samples
        let noise = MusicSounds.noise(frames: 12 * 48_000, level: 0.2, seed: 3)
        let fitter = MusicFitter()
        for (source, frames) in [(clicks, 1), (clicks, 4_799), (clicks, 3 * 48_000 + 17), (clicks, 10 * 48_000), (clicks, 31 * 48_000 + 5),
                                 (noise, 9 * 48_000 + 1), (noise, 40 * 48_000 + 3)] {
            let fitted = fitter.fit(source, frames: frames, fadeIn: MusicRamp(frames: min(72_000, frames / 5)),
                                    fadeOut: MusicRamp(frames: min(120_000, frames / 4)))
            #expect(fitted.samples.count == 2 * frames, "\(frames) frames")
            #expect(fitted.end <= frames && fitted.samples.last == 0 && fitted.samples.first == 0)
            #expect(fitted.samples.allSatisfy { $0.isFinite && abs($0) <= 1.01 })
        }
        let quiet = fitter.fit(noise, frames: 9 * 48_000 + 1, fadeIn: MusicRamp(frames: 4_800), fadeOut: MusicRamp(frames: 48_000))
        #expect(quiet.ending == .quiet && quiet.grid == nil)
        #expect(quiet.end >= 5 * 48_000 && quiet.end <= 9 * 48_000 + 1)
        #expect(fitter.fit([], frames: 100, fadeIn: .none, fadeOut: .none).samples == [Float](repeating: 0, count: 200))
    }

    /// 9.1 s is heard whole; 70.3 s at each end separately.
    @Test("a short piece loops from its last bar line to its first: the pulse carries on across every join", arguments: [9.1, 70.3])
    func loopKeepsPulse(seconds: Double) throws {
        let scratch = ScratchDirectory("fit-loop")
        let source = try MusicSounds.roundTrip(MusicSounds.clicks(bpm: 120, beatsPerBar: 4, offset: 0.2, seconds: seconds),
                                               in: scratch.path, name: "clicks.wav").samples
        let frames = Int(seconds * 3.3 * 48_000)
        let fitted = MusicFitter().fit(source, frames: frames, fadeIn: .none, fadeOut: MusicRamp(frames: 4_800))
        #expect(fitted.loops >= 3)
        let onsets = MusicSounds.onsets(fitted.samples).filter { $0 < fitted.end - 4_800 }
        #expect(onsets.count >= Int(seconds * 3.3 * 2) - 6)
        let gaps = zip(onsets.dropFirst(), onsets).map { $0 - $1 }
        let worst = gaps.map { abs($0 - 24_000) }.max() ?? .max
        #expect(worst <= 48, "beat gaps \(Set(gaps).sorted())")
        // The loud first beat of each bar stays one in four.
        let loud = onsets.filter { abs(fitted.samples[2 * $0 + 2 * 60]) > 0.45 || abs(fitted.samples[2 * $0 + 2 * 12]) > 0.45 }
        let loudGaps = Set(zip(loud.dropFirst(), loud).map { ($0 - $1 + 48) / 96_000 })
        #expect(loudGaps == [1], "downbeats \(loud)")
    }

    @Test("a loop without a beat joins with a short crossfade: no jump and no hole in the level")
    func loopContinuity() throws {
        let noise = MusicSounds.noise(frames: 9 * 48_000, level: 0.3, seed: 11)
        let frames = 40 * 48_000
        let fitter = MusicFitter()
        let fitted = fitter.fit(noise, frames: frames, fadeIn: .none, fadeOut: .none)
        #expect(fitted.loops >= 4 && fitted.grid == nil)
        let level = MusicSounds.rms(noise, 0..<noise.count / 2)
        let sourceJump = zip(noise.dropFirst(2), noise).map { abs($0 - $1) }.max()!
        let join = noise.count / 2 - fitter.loopCrossfade
        for k in 0..<4 {
            let at = join + k * (join)
            let jump = stride(from: 2 * (at - 480), to: 2 * (at + 3_000), by: 2).map { abs(fitted.samples[$0 + 2] - fitted.samples[$0]) }.max()!
            #expect(jump <= sourceJump * 1.01, "join \(k): a jump of \(jump)")
            for window in stride(from: at - 960, to: at + 3_360, by: 480) {
                let db = 20 * log10(MusicSounds.rms(fitted.samples, window..<(window + 480)) / level)
                #expect(db > -4 && db < 1.5, "join \(k) at \(window): \(db) dB")
            }
        }
    }
}
