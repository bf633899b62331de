import AIProdCore
import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Mastering: the rendered MP4, measured after AAC encoding, lands on its loudness target within
/// ±0.5 LU with true peaks under the ceiling, whatever goes in.
@Suite("Loudness mastering")
struct LoudnessTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// An `aevalsrc`/`anoisesrc` chain (3 s).
        var source: String
        var channels: Int32
        var target: LoudnessTarget
        /// Whether the peak ceiling forces the limiter (proves that path is exercised).
        var needsLimiter: Bool

        var testDescription: String { "\(name) → \(target.targetLufs) LUFS / \(target.truePeakDbtp) dBTP" }
    }

    static let cases: [Case] = [
        // About −43 LUFS: a +27 dB gain, peaks stay far below the ceiling.
        Case(name: "quiet tone", source: "aevalsrc=0.01*sin(2*PI*440*t):d=3", channels: 1,
             target: LoudnessTarget(targetLufs: -16, truePeakDbtp: -1.5), needsLimiter: false),
        // Near full scale, a music-like spectrum (pink, rolled off above 10 kHz): turned down.
        Case(name: "loud noise", source: "anoisesrc=c=pink:a=0.9:d=3:seed=11,lowpass=f=10000", channels: 2,
             target: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1), needsLimiter: false),
        Case(name: "loud tone", source: "aevalsrc=0.95*sin(2*PI*330*t):d=3", channels: 2,
             target: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1), needsLimiter: false),
        // A soft tone with full-scale clicks: the gain to −14 would push the clicks far over −1 dBTP.
        Case(name: "soft tone with clicks", source: "aevalsrc=0.05*sin(2*PI*440*t)+0.9*lt(mod(t\\,0.25)\\,0.0004):d=3", channels: 2,
             target: LoudnessTarget(targetLufs: -14, truePeakDbtp: -1), needsLimiter: true),
        // EBU R128 broadcast.
        Case(name: "speech-like bursts", source: "aevalsrc=0.4*sin(2*PI*220*t)*lt(mod(t\\,1)\\,0.6):d=3", channels: 1,
             target: LoudnessTarget(targetLufs: -23, truePeakDbtp: -1), needsLimiter: false),
    ]

    @Test("the rendered MP4 meets its loudness target", arguments: cases)
    func mastering(_ sample: Case) throws {
        let directory = ScratchDirectory("loudness-\(sample.name)")
        let sound = directory.file("sound.wav")
        try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: sample.source, channels: sample.channels, to: sound)
        let output = TestRender.output(loudness: sample.target)
        let timeline = Timeline(
            output: output,
            video: VideoTrack(clips: [TestRender.card(Rational(3))]),
            audio: AudioTracks(narration: [NarrationTrack(file: "sound.wav")]))
        let (result, probe) = try TestRender.render(timeline, in: directory, measureLoudness: true)
        TestRender.expectStreams(probe, result, output: output, frames: 75)

        let measured = try #require(probe.loudness)
        #expect(abs(measured.integratedLufs - sample.target.targetLufs) <= 0.5,
                "integrated \(measured.integratedLufs) LUFS, target \(sample.target.targetLufs)")
        #expect(measured.truePeakDbtp <= sample.target.truePeakDbtp,
                "true peak \(measured.truePeakDbtp) dBTP, ceiling \(sample.target.truePeakDbtp)")
        #expect((result.mastering.limiterDb != nil) == sample.needsLimiter, "limiter \(String(describing: result.mastering.limiterDb))")
        // What the renderer predicted before encoding is what the file measures.
        #expect(abs(result.mastering.predicted.integratedLufs - measured.integratedLufs) <= 0.5)
        #expect(directory.contents.allSatisfy { !$0.hasSuffix(".partial") })
    }

    @Test("full-band white noise lands on target: mastering measures the band AAC keeps")
    func fullBandNoise() throws {
        let directory = ScratchDirectory()
        try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "anoisesrc=c=white:a=0.9:d=3:seed=11", to: directory.file("noise.wav"))
        let target = LoudnessTarget(targetLufs: -14, truePeakDbtp: -1)
        let timeline = Timeline(
            output: TestRender.output(loudness: target),
            video: VideoTrack(clips: [TestRender.card(Rational(3))]),
            audio: AudioTracks(effects: [EffectTrack(file: "noise.wav")]))
        let (_, probe) = try TestRender.render(timeline, in: directory, measureLoudness: true)
        let measured = try #require(probe.loudness)
        #expect(measured.truePeakDbtp <= target.truePeakDbtp)
        // Without a fixed encoder cut-off and the same band limit in the measurement, AAC's
        // low-pass (~16 kHz at 160 kbit/s) took ~1.5 LU of K-weighted loudness off white noise.
        #expect(abs(measured.integratedLufs - target.targetLufs) <= 0.5, "integrated \(measured.integratedLufs) LUFS")
    }

    @Test("a timeline without sound still has a silent AAC track of the right length")
    func silentTimeline() throws {
        let directory = ScratchDirectory()
        let output = TestRender.output()
        let timeline = Timeline(output: output, video: VideoTrack(clips: [TestRender.card(Rational(7, 5))]))
        let (result, probe) = try TestRender.render(timeline, in: directory, measureLoudness: true)
        TestRender.expectStreams(probe, result, output: output, frames: 35)
        #expect(result.samples == 67_200)
        #expect(result.mastering.gainDb == 0, "silence is not amplified")
        let audio = try #require(probe.stream("audio"))
        #expect(abs((audio.durationSeconds ?? 0) - 1.4) < 0.001)
        let loudness = try #require(probe.loudness)
        #expect(loudness.integratedLufs <= -70)
        #expect(loudness.truePeakDbtp < -90)
    }

    @Test("MediaProbe measures a known 1 kHz tone as BS.1770 defines it", arguments: [Int32(2), 1])
    func knownTone(channels: Int32) throws {
        let directory = ScratchDirectory("tone-\(channels)")
        let path = try TestMedia.tone(in: directory, seconds: 6, frequency: 1000, amplitude: 0.5, channels: channels)
        let loudness = try #require(try MediaProbe().probe(path).loudness)
        // A 0 dBFS 1 kHz sine measures −3.01 LUFS per channel; 0.5 is −6.02 dB; a second
        // channel adds 3.01 dB (a mono file is measured as mono).
        let expected = 20 * log10(0.5) + (channels == 2 ? 0 : -3.0103)
        #expect(abs(loudness.integratedLufs - expected) <= 0.5, "integrated \(loudness.integratedLufs), expected \(expected)")
        #expect(abs(loudness.truePeakDbtp - 20 * log10(0.5)) <= 0.5, "true peak \(loudness.truePeakDbtp)")
        #expect(loudness.loudnessRange < 1, "a steady tone has no loudness range")
    }
}
