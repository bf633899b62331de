@testable import AIProdStudio
import Testing

@Suite("Composer fades")
struct ComposerFadeTests {
    @Test("fades are 1.5 s in and 2.5 s out, zero at both ends, smooth and monotonic")
    func shape() {
        let fade = FadeEnvelope(sampleCount: 48000 * 60, sampleRate: 48000)
        #expect(fade.fadeIn == 72000 && fade.fadeOut == 120_000)
        #expect(fade.gain(at: 0) == 0 && fade.gain(at: fade.sampleCount - 1) == 0)
        #expect(fade.gain(at: 72000) == 1 && fade.gain(at: fade.sampleCount - 120_001) == 1)
        #expect(fade.gain(at: 480) < 0.001)  // 10 ms in
        #expect(fade.gain(at: fade.sampleCount - 481) < 0.001)  // 10 ms before the end
        var previous: Float = 0
        for index in stride(from: Int64(0), through: 72000, by: 100) {
            #expect(fade.gain(at: index) >= previous)
            previous = fade.gain(at: index)
        }
    }

    @Test("short pieces get short fades")
    func short() {
        let fade = FadeEnvelope(sampleCount: 48000 * 3, sampleRate: 48000)
        #expect(fade.fadeIn == 48000 * 3 / 5 && fade.fadeOut == 48000 * 3 / 4)
        #expect(fade.gain(at: 72000) == 1)
    }

    @Test("apply scales interleaved frames and zeroes the ends, even for tiny pieces")
    func apply() {
        for count in [1, 2, 3, 10, 4800] {
            var samples = [Float](repeating: 1, count: 2 * count)
            let fade = FadeEnvelope(sampleCount: Int64(count), sampleRate: 48000)
            fade.apply(to: &samples, channels: 2)
            #expect(samples[0] == 0 && samples[1] == 0)
            #expect(samples[2 * count - 1] == 0 && samples[2 * count - 2] == 0)
            for frame in 0..<count {
                #expect(samples[2 * frame] == fade.gain(at: Int64(frame)))
                #expect(samples[2 * frame] == samples[2 * frame + 1])
            }
        }
    }
}
