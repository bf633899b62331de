import AIProdCore
@testable import AIProdMedia
import Foundation
import Testing
import AIProdTestSupport

/// Audio that changes layout and rate mid-stream: two MP3s concatenated byte for byte (a real
/// case: joined podcast parts). Each half must come out at its own pitch, length and level.
@Suite("Audio format changes mid-stream")
struct AudioFormatChangeTests {
    /// Zero crossings per second of a block of one channel: twice the frequency of a sine.
    static func frequency(_ samples: ArraySlice<Float>, rate: Double) -> Double {
        var crossings = 0
        var previous = samples.first ?? 0
        for sample in samples.dropFirst() {
            if (previous < 0) != (sample < 0) { crossings += 1 }
            previous = sample
        }
        return Double(crossings) / 2 / (Double(samples.count) / rate)
    }

    static func rms(_ samples: ArraySlice<Float>) -> Double {
        (samples.reduce(0) { $0 + Double($1 * $1) } / Double(max(samples.count, 1))).squareRoot()
    }

    @Test("a 440 Hz mono 44.1 kHz half then an 880 Hz stereo 24 kHz half: both read right")
    func concatenatedMP3() throws {
        let directory = ScratchDirectory()
        let first = directory.file("a.mp3"), second = directory.file("b.mp3")
        try SyntheticMedia(audioCodec: "libmp3lame").write(audio: "aevalsrc=0.4*sin(2*PI*440*t):d=1", channels: 1, sampleRate: 44_100, to: first)
        try SyntheticMedia(audioCodec: "libmp3lame").write(
            audio: "aevalsrc=0.2*sin(2*PI*880*t)|0.2*sin(2*PI*880*t):d=1", channels: 2, sampleRate: 24_000, to: second)
        let joined = directory.file("joined.mp3")
        try (try Data(contentsOf: URL(fileURLWithPath: first)) + (try Data(contentsOf: URL(fileURLWithPath: second))))
            .write(to: URL(fileURLWithPath: joined))

        let reader = try AudioFileReader(path: joined, channels: .stereo)
        var samples = [Float](repeating: 0, count: 3 * 48_000 * 2)
        let frames = try samples.withUnsafeMutableBufferPointer { try reader.read(into: $0.baseAddress!, frameCount: 3 * 48_000) }
        // Each MP3 adds its encoder delay and padding (a few frames of 1152 samples).
        #expect(frames > 96_000 - 1_000 && frames < 96_000 + 8_000, "\(frames) frames at 48 kHz, about 2 s")
        let left = (0..<frames).map { samples[2 * $0] }
        // The middle of each half, away from the joint and the codec's edges.
        let firstHalf = left[12_000..<36_000], secondHalf = left[(frames - 36_000)..<(frames - 12_000)]
        let f1 = Self.frequency(firstHalf, rate: 48_000), f2 = Self.frequency(secondHalf, rate: 48_000)
        #expect(abs(f1 - 440) < 10, "first half at \(f1) Hz")
        #expect(abs(f2 - 880) < 15, "second half at \(f2) Hz")
        let level1 = Self.rms(firstHalf), level2 = Self.rms(secondHalf)
        #expect(abs(level1 - 0.4 / 2.0.squareRoot()) < 0.04, "first half RMS \(level1)")
        // The file starts mono, so it is read as mono (copied to both sides): the stereo half is
        // downmixed, L and R at −3 dB each (libswresample's default for float), 0.2·√2 peak.
        #expect(abs(level2 - 0.2) < 0.03, "second half RMS \(level2)")

        // The probe decodes and measures it whole; a render takes it as narration.
        let probe = try MediaProbe(decode: true, measureLoudness: true).probe(joined)
        #expect(probe.decodeError == nil && probe.loudness != nil)
        let timeline = Timeline(output: TestRender.output(), video: VideoTrack(clips: [TestRender.card(Rational(2))]),
                                audio: AudioTracks(narration: [NarrationTrack(file: "joined.mp3")]))
        let render = try TimelineRenderer(timeline: timeline, resolver: AssetResolver(baseDirectory: directory.path)).render(to: directory.file("out.mp4"))
        #expect(render.frames > 0)
    }
}
