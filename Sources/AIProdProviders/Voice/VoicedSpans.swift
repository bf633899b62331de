import Foundation

/// Where received speech sounds and where it pauses, in 10 ms hops: the audio's side of the
/// alignment (``SpeechAligner``).
///
/// A hop is voiced when its RMS level is within ``dynamicRangeDb`` of the speech's loud hops
/// (the 95th percentile of the hops above −70 dBFS) and above ``floorDbfs``: relative, so a
/// quiet voice or a noise floor does not move the pauses. Runs of voice separated by less than
/// ``minPauseSeconds`` are one span (the closure of a stop consonant is not a pause).
struct VoicedSpans: Sendable {
    static let hop = 480
    static let dynamicRangeDb: Float = 35
    static let floorDbfs: Float = -60
    static let minPauseSeconds = 0.08

    /// Voiced spans in 48 kHz samples, in order, separated by pauses.
    let spans: [Range<Int64>]

    init(samples: [Float]) {
        let hop = Self.hop
        let hops = samples.count / hop + (samples.count % hop == 0 ? 0 : 1)
        var levels = [Float](repeating: -120, count: hops)
        for index in 0..<hops {
            let from = index * hop, to = min(from + hop, samples.count)
            var energy: Float = 0
            for sample in samples[from..<to] { energy += sample * sample }
            let rms = (energy / Float(to - from)).squareRoot()
            levels[index] = rms > 0 ? 20 * log10(rms) : -120
        }
        let audible = levels.filter { $0 > -70 }.sorted()
        let loud = audible.isEmpty ? -120 : audible[min(audible.count - 1, audible.count * 95 / 100)]
        let threshold = max(loud - Self.dynamicRangeDb, Self.floorDbfs)
        let minGap = Int((Self.minPauseSeconds * 100).rounded())
        var spans: [Range<Int64>] = []
        var runStart: Int?
        var lastVoiced = -1
        for index in 0..<hops where levels[index] > threshold {
            if runStart == nil || index - lastVoiced - 1 >= minGap {
                if let start = runStart { spans.append(Int64(start * hop)..<Int64(min((lastVoiced + 1) * hop, samples.count))) }
                runStart = index
            }
            lastVoiced = index
        }
        if let start = runStart { spans.append(Int64(start * hop)..<Int64(min((lastVoiced + 1) * hop, samples.count))) }
        self.spans = spans
    }
}
