import AIProdCore
@testable import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// The soundtrack mixer, sample by sample (before mastering and AAC, which would blur what is
/// checked here): placement, gains, fades, looping, ducking, channel and rate conversion.
@Suite("Soundtrack mix")
struct AudioMixTests {
    /// Mixes a timeline's whole soundtrack as the renderer does; interleaved stereo at 48 kHz.
    /// An odd block size makes sure nothing depends on block boundaries.
    static func mix(_ timeline: Timeline, in directory: ScratchDirectory) throws -> [Float] {
        let plan = try SoundtrackPlan(timeline: timeline, schedule: TimelineSchedule(timeline),
                                      resolver: AssetResolver(baseDirectory: directory.path))
        let mixer = try SoundtrackMixer(plan: plan)
        var mix: [Float] = []
        mix.reserveCapacity(Int(plan.totalSamples) * 2)
        var block = [Float](repeating: 0, count: 1789 * 2)
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { try mixer.render(into: $0) }
            if frames == 0 { break }
            mix += block[0..<(frames * 2)]
        }
        #expect(mix.count == Int(plan.totalSamples) * 2, "the mix lasts exactly the timeline")
        return mix
    }

    /// A timeline of `seconds` of colour with these sounds.
    static func timeline(seconds: Rational, audio: AudioTracks) -> Timeline {
        Timeline(output: TestRender.output(), video: VideoTrack(clips: [TestRender.card(seconds)]), audio: audio)
    }

    /// A constant level (DC) in a 16-bit WAV: every sample is exactly `level` after decoding.
    static func constant(_ level: String, seconds: Double, channels: Int32 = 1, in directory: ScratchDirectory, name: String) throws {
        try SyntheticMedia(audioCodec: "pcm_s16le").write(audio: "aevalsrc=\(level):d=\(seconds)", channels: channels, to: directory.file(name))
    }

    static func left(_ mix: [Float], _ frame: Int) -> Float { mix[2 * frame] }
    static func right(_ mix: [Float], _ frame: Int) -> Float { mix[2 * frame + 1] }

    /// RMS of one channel over a time span, in dBFS.
    static func level(_ mix: [Float], channel: Int, from start: Double, to end: Double) -> Double {
        let first = Int(start * 48_000), last = Int(end * 48_000)
        var energy = 0.0
        for frame in first..<last { energy += Double(mix[2 * frame + channel] * mix[2 * frame + channel]) }
        return 10 * log10(energy / Double(last - first))
    }

    @Test("effects start on their exact sample, at their gain, mono copied to both channels")
    func effectPlacement() throws {
        let directory = ScratchDirectory()
        try Self.constant("0.5", seconds: 0.25, in: directory, name: "dc.wav")  // 12 000 samples, mono
        let mix = try Self.mix(Self.timeline(seconds: Rational(2), audio: AudioTracks(effects: [
            EffectTrack(file: "dc.wav", start: Rational(1, 3)),                    // sample 16 000
            EffectTrack(file: "dc.wav", start: Rational(1), gainDb: -6.0206),      // sample 48 000, × 0.5
        ])), in: directory)
        #expect(mix.count == 96_000 * 2)
        for channel in [Self.left, Self.right] {
            #expect(channel(mix, 15_999) == 0)
            #expect(abs(channel(mix, 16_000) - 0.5) < 1e-4, "first sample of the effect, at unity gain in both channels")
            #expect(abs(channel(mix, 27_999) - 0.5) < 1e-4)
            #expect(channel(mix, 28_000) == 0, "it plays once, for its own length")
            #expect(channel(mix, 47_999) == 0)
            #expect(abs(channel(mix, 48_000) - 0.25) < 1e-4)
            #expect(abs(channel(mix, 59_999) - 0.25) < 1e-4)
            #expect(channel(mix, 60_000) == 0)
        }
    }

    @Test("overlapping sounds add; a stereo file keeps its channels apart")
    func overlapAndStereo() throws {
        let directory = ScratchDirectory()
        try Self.constant("0.3|-0.2", seconds: 1, channels: 2, in: directory, name: "stereo.wav")
        try Self.constant("0.1", seconds: 1, in: directory, name: "mono.wav")
        let mix = try Self.mix(Self.timeline(seconds: Rational(2), audio: AudioTracks(
            narration: [NarrationTrack(file: "stereo.wav")],
            effects: [EffectTrack(file: "mono.wav", start: Rational(1, 2))])), in: directory)
        #expect(abs(Self.left(mix, 100) - 0.3) < 1e-4 && abs(Self.right(mix, 100) + 0.2) < 1e-4)
        #expect(abs(Self.left(mix, 30_000) - 0.4) < 1e-4 && abs(Self.right(mix, 30_000) + 0.1) < 1e-4)
        #expect(abs(Self.left(mix, 60_000) - 0.1) < 1e-4 && abs(Self.right(mix, 60_000) - 0.1) < 1e-4)
        #expect(Self.left(mix, 72_000) == 0)
    }

    @Test("music loops to fill its span, or stops when loop is off", arguments: [true, false])
    func looping(loop: Bool) throws {
        let directory = ScratchDirectory("loop-\(loop)")
        try Self.constant("0.25", seconds: 0.5, in: directory, name: "bed.wav")  // 24 000 samples
        let mix = try Self.mix(Self.timeline(seconds: Rational(2), audio: AudioTracks(
            music: [MusicTrack(file: "bed.wav", loop: loop)])), in: directory)
        let played = (0..<96_000).filter { abs(Self.left(mix, $0) - 0.25) < 1e-4 }.count
        let silent = (0..<96_000).filter { Self.left(mix, $0) == 0 }.count
        if loop {
            #expect(played == 96_000, "four seamless passes of the file, no gap at the joins")
        } else {
            #expect(played == 24_000)
            #expect(silent == 72_000)
        }
    }

    @Test("music fades in and out linearly between its start and end")
    func fades() throws {
        let directory = ScratchDirectory()
        try Self.constant("0.5", seconds: 2, in: directory, name: "bed.wav")
        // start 0.5 s (24 000), end 1.5 s (72 000), fades of 0.25 s (12 000 samples).
        let mix = try Self.mix(Self.timeline(seconds: Rational(2), audio: AudioTracks(music: [
            MusicTrack(file: "bed.wav", start: Rational(1, 2), end: Rational(3, 2), fadeIn: Rational(1, 4), fadeOut: Rational(1, 4)),
        ])), in: directory)
        let expected: [(Int, Float)] = [
            (23_999, 0), (24_000, 0), (27_000, 0.125), (30_000, 0.25), (36_000, 0.5), (48_000, 0.5),
            (60_000, 0.5), (66_000, 0.25), (71_999, 0.5 / 12_000), (72_000, 0), (90_000, 0),
        ]
        for (frame, value) in expected {
            #expect(abs(Self.left(mix, frame) - value) < 1e-4, "sample \(frame): \(Self.left(mix, frame)), expected \(value)")
            #expect(Self.left(mix, frame) == Self.right(mix, frame))
        }
    }

    @Test("music ducks by depth_db under the narration, starting before the voice")
    func ducking() throws {
        let directory = ScratchDirectory()
        // Music only on the left, narration only on the right, so each can be measured alone.
        try SyntheticMedia(audioCodec: "pcm_s16le").write(
            audio: "aevalsrc=0.2*sin(2*PI*1000*t)|0:d=4", channels: 2, to: directory.file("music.wav"))
        try SyntheticMedia(audioCodec: "pcm_s16le").write(
            audio: "aevalsrc=0|0.4*sin(2*PI*300*t):d=1", channels: 2, to: directory.file("voice.wav"))
        let mix = try Self.mix(Self.timeline(seconds: Rational(4), audio: AudioTracks(
            narration: [NarrationTrack(file: "voice.wav", start: Rational(3, 2))],   // voice 1.5…2.5 s
            music: [MusicTrack(file: "music.wav", duck: Ducking(depthDb: 12, attack: Rational(1, 5), release: Rational(1, 2)))])),
            in: directory)
        let before = Self.level(mix, channel: 0, from: 0.2, to: 1.2)
        let under = Self.level(mix, channel: 0, from: 1.6, to: 2.4)
        let after = Self.level(mix, channel: 0, from: 3.1, to: 3.9)
        #expect(abs(before - (20 * log10(0.2) - 3.0103)) < 0.1, "music at its own level away from the voice: \(before) dBFS")
        #expect(abs(under - before + 12) < 0.5, "12 dB down under the voice: \(under - before) dB")
        #expect(abs(after - before) < 0.1, "back up after the release: \(after - before) dB")
        // The attack (0.2 s) ends when the voice starts: 50 ms before it the music is already
        // three quarters down; the release (0.5 s) takes it back up after the voice.
        let leading = Self.level(mix, channel: 0, from: 1.44, to: 1.46) - before
        #expect(leading < -6 && leading > -12, "ducking leads the voice: \(leading) dB at 1.45 s")
        let releasing = Self.level(mix, channel: 0, from: 2.74, to: 2.76) - before
        #expect(releasing < -3 && releasing > -9, "half-way through the release: \(releasing) dB at 2.75 s")
        // The voice itself is not ducked.
        #expect(abs(Self.level(mix, channel: 1, from: 1.6, to: 2.4) - (20 * log10(0.4) - 3.0103)) < 0.1)
    }

    @Test("a video clip's own sound plays at the clip's place from its in_point; audio: false mutes it", arguments: [true, false])
    func clipSound(enabled: Bool) throws {
        let directory = ScratchDirectory("clip-sound-\(enabled)")
        let clip = try TestMedia.video(in: directory, seconds: 2, size: "160x90")  // H.264 + AAC 330 Hz tone
        let timeline = Timeline(output: TestRender.output(), video: VideoTrack(clips: [
            TestRender.card(Rational(1)),
            Clip(duration: Rational(1), content: .video(VideoClip(file: clip, inPoint: Rational(1, 2), audio: enabled))),
        ]))
        let mix = try Self.mix(timeline, in: directory)
        #expect((0..<48_000).allSatisfy { Self.left(mix, $0) == 0 && Self.right(mix, $0) == 0 }, "silent during the card")
        if enabled {
            let first = try #require((0..<96_000).first { abs(Self.left(mix, $0)) > 0.01 })
            #expect(abs(first - 48_000) <= 48, "the clip's sound starts with the clip: sample \(first)")
            // sine=f=330 is 1/8 full scale, mono made stereo at −3 dB.
            let level = Self.level(mix, channel: 1, from: 1.1, to: 1.9)
            #expect(abs(level - (20 * log10(0.125) - 3.0103 - 3.0103)) < 0.5, "clip sound at \(level) dBFS")
        } else {
            #expect(mix.allSatisfy { $0 == 0 })
        }
    }

    @Test("a 44.1 kHz file is resampled to 48 kHz: right length, right pitch")
    func resampling() throws {
        let directory = ScratchDirectory()
        // A hand-written 16-bit mono WAV at 44 100 Hz: 1 s of a 1 kHz sine at 0.5.
        let rate = 44_100
        let samples = (0..<rate).map { Int16((0.5 * sin(2 * Double.pi * 1000 * Double($0) / Double(rate)) * 32767).rounded()) }
        try Self.wav(samples: samples, rate: rate).write(to: URL(fileURLWithPath: directory.file("cd.wav")))

        let reader = try AudioFileReader(path: directory.file("cd.wav"), channels: .native)
        #expect(reader.channels == 1)
        var decoded: [Float] = []
        var block = [Float](repeating: 0, count: 4096)
        while true {
            let frames = try block.withUnsafeMutableBufferPointer { try reader.read(into: $0.baseAddress!, frameCount: 4096) }
            if frames == 0 { break }
            decoded += block[0..<frames]
        }
        #expect(abs(decoded.count - 48_000) <= 2, "1 s at 48 kHz: \(decoded.count) samples")

        // Placed at 0.5 s in a mix: sounds from sample 24 000 for 48 000 samples, still 1 kHz.
        let mix = try Self.mix(Self.timeline(seconds: Rational(2), audio: AudioTracks(effects: [
            EffectTrack(file: "cd.wav", start: Rational(1, 2)),
        ])), in: directory)
        let audible = (0..<96_000).filter { abs(Self.left(mix, $0)) > 0.01 }
        let first = try #require(audible.first), last = try #require(audible.last)
        #expect(abs(first - 24_000) <= 3, "starts at \(first)")
        #expect(abs(last - 71_999) <= 3, "ends at \(last)")
        var crossings = 0
        for frame in 24_001..<72_000 where (Self.left(mix, frame - 1) < 0) != (Self.left(mix, frame) < 0) { crossings += 1 }
        #expect(abs(crossings - 2_000) <= 4, "1 kHz for 1 s crosses zero 2000 times: \(crossings)")
        #expect(abs(Self.level(mix, channel: 0, from: 0.6, to: 1.4) - (20 * log10(0.5) - 3.0103)) < 0.1)
    }

    /// A canonical 44-byte-header PCM WAV.
    static func wav(samples: [Int16], rate: Int, channels: Int = 1) -> Data {
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let bytes = samples.count * 2
        data.append(contentsOf: Array("RIFF".utf8)); append(UInt32(36 + bytes))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); append(UInt32(16)); append(UInt16(1)); append(UInt16(channels))
        append(UInt32(rate)); append(UInt32(rate * channels * 2)); append(UInt16(channels * 2)); append(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); append(UInt32(bytes))
        for sample in samples { append(sample) }
        return data
    }
}
