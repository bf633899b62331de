import AIProdMedia
@testable import AIProdStudio
import Foundation
import Testing

/// Whether two narrations are the same speech. espeak-ng is not sample-exact from one call to
/// the next in a process (measured: the same text came out 275 981…276 008 samples long in
/// English, 239 473…239 961 in French, word starts moving by up to ~10 ms), so "the same" is:
/// the same words, the same length and word starts within ``tolerance``, and the same loudness
/// contour (``envelope``). A narration mixed with another's audio, spoken with the other's voice
/// or rate, or cut short fails every one of these by far.
enum NarrationComparison {
    /// 30 ms at 48 kHz: three times the spread seen between repeats of one text (concurrent
    /// runs measured within 64 samples of the solo narration, contours within 0.3 dB).
    static let tolerance: Int64 = 1_440
    /// The loudness contour: RMS in dB over 20 ms windows.
    static let window = 960

    static func expectSameSpeech(_ narration: Narration, as reference: Narration, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(narration.sampleCount - reference.sampleCount) <= tolerance,
                "\(narration.sampleCount) samples, alone \(reference.sampleCount)", sourceLocation: sourceLocation)
        #expect(narration.words.map(\.text) == reference.words.map(\.text), sourceLocation: sourceLocation)
        let drift = zip(narration.words, reference.words).map { abs($0.startSample - $1.startSample) }.max() ?? .max
        #expect(drift <= tolerance, "word starts moved by up to \(drift) samples", sourceLocation: sourceLocation)
        do {
            let distance = try envelopeDistance(narration.path, reference.path)
            #expect(distance <= maxEnvelopeDistance, "loudness contours differ by \(distance) dB on average", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot read the WAVs: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Mean absolute difference of two contours (dB, floor −60), over the longer one. Run alone,
    /// repeats of one text measured 0.03–0.3 dB apart; in the full suite (espeak-ng shared with
    /// every other test, its state carried from call to call) up to 2.7 dB, words and timings
    /// still within tolerance. The English and French test texts are 19 dB apart.
    static let maxEnvelopeDistance = 5.0

    static func envelopeDistance(_ a: String, _ b: String) throws -> Double {
        let (x, y) = (try envelope(NarratorTests.samples(a)), try envelope(NarratorTests.samples(b)))
        let count = max(x.count, y.count)
        guard count > 0 else { return 0 }
        var sum = 0.0
        for index in 0..<count {
            sum += abs((index < x.count ? x[index] : -60) - (index < y.count ? y[index] : -60))
        }
        return sum / Double(count)
    }

    static func envelope(_ samples: [Float]) -> [Double] {
        stride(from: 0, to: samples.count, by: window).map { start in
            let slice = samples[start..<min(start + window, samples.count)]
            let power = slice.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(slice.count)
            return max(10 * log10(max(power, 1e-12)), -60)
        }
    }
}
