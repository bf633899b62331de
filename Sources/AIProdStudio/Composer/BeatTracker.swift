import Foundation

/// Hears the pulse of a piece of music from its onset energy, so a piece can be cut or looped
/// on a bar line instead of anywhere.
///
/// The sound is mixed to mono and cut into 5 ms hops; the onset strength of a hop is how much
/// its log energy rose over the previous one (a drum hit, a plucked note, a chord change). The
/// tempo is the lag, between 60 and 180 beats a minute, where that onset curve best matches
/// itself (autocorrelation, plus half of the match at twice the lag, with a gentle preference
/// for about 110 BPM against octave errors). The phase is where a comb at that period collects
/// the most onset; each beat is then found at its local peak and a weighted straight line
/// through the peaks gives period and phase to well under a hop. Bars: the beats are grouped
/// in fours, or in threes when that separates strong from weak beats clearly better, and the
/// downbeat is the group position whose beats rise the most in energy. A piece whose onsets
/// do not line up (a pad, a drone, noise) gets no grid: the caller falls back to a quiet point.
public struct BeatTracker: Sendable {
    /// Frames per hop at 48 kHz (5 ms).
    public static let hop = 240
    public var minimumBPM = 60.0
    public var maximumBPM = 180.0
    /// Share of the onset strength that must land within two hops of the beats.
    public var minimumConfidence = 0.3

    public init() {}

    /// The grid of the interleaved `samples` (`channels` per frame) heard within `window`
    /// (frames; clamped to the sound); nil when the window holds under 8 beats or no steady pulse.
    public func grid(_ samples: [Float], channels: Int, window: Range<Int>) -> BeatGrid? {
        let total = samples.count / max(channels, 1)
        let window = max(window.lowerBound, 0)..<min(window.upperBound, total)
        let (onset, rise) = Self.envelopes(samples, channels: channels, window: window)
        let count = onset.count
        let minLag = Int((60 * 48_000 / maximumBPM / Double(Self.hop)).rounded(.down))
        let maxLag = Int((60 * 48_000 / minimumBPM / Double(Self.hop)).rounded(.up))
        guard count >= 8 * minLag, count > maxLag + 2 else { return nil }
        guard let period = tempo(onset, minLag: minLag, maxLag: maxLag) else { return nil }
        guard count >= Int(8 * period) else { return nil }
        let phase = Self.comb(onset, period: period)
        guard let (start, beat) = Self.refine(onset, period: period, phase: phase), beat > Double(minLag) * 0.9 else { return nil }
        let confidence = Self.share(onset, start: start, period: beat)
        guard confidence >= minimumConfidence else { return nil }
        // The first beat at or after the window's start.
        let skip = start < 0 ? Int((-start / beat).rounded(.up)) : -Int((start / beat).rounded(.down))
        let first = start + Double(skip) * beat
        let (beatsPerBar, downbeat) = Self.bars(rise, first: first, period: beat)
        return BeatGrid(beatFrames: beat * Double(Self.hop), firstBeat: Double(window.lowerBound) + first * Double(Self.hop),
                        beatsPerBar: beatsPerBar, downbeat: downbeat, confidence: confidence)
    }

    /// Onset strength (log-energy rise) and linear energy rise per hop of `window`.
    static func envelopes(_ samples: [Float], channels: Int, window: Range<Int>) -> (onset: [Double], rise: [Double]) {
        let hops = window.count / hop
        var energy = [Double](repeating: 0, count: hops)
        samples.withUnsafeBufferPointer { buffer in
            for index in 0..<hops {
                var sum = 0.0
                let from = window.lowerBound + index * hop
                for frame in from..<(from + hop) {
                    var mono: Float = 0
                    for channel in 0..<channels { mono += buffer[frame * channels + channel] }
                    let value = Double(mono) / Double(channels)
                    sum += value * value
                }
                energy[index] = sum
            }
        }
        var onset = [Double](repeating: 0, count: hops)
        var rise = [Double](repeating: 0, count: hops)
        let floor = 1e-7 * Double(hop)
        for index in 1..<max(hops, 1) {
            onset[index] = max(0, log10(floor + energy[index]) - log10(floor + energy[index - 1]))
            rise[index] = max(0, energy[index] - energy[index - 1])
        }
        return (onset, rise)
    }

    /// The beat period in hops (fractional), from the autocorrelation of the centred onsets.
    func tempo(_ onset: [Double], minLag: Int, maxLag: Int) -> Double? {
        let count = onset.count
        let mean = onset.reduce(0, +) / Double(count)
        let centred = onset.map { $0 - mean }
        func correlation(_ lag: Int) -> Double {
            guard lag < count else { return 0 }
            var sum = 0.0
            centred.withUnsafeBufferPointer { c in
                for index in 0..<(count - lag) { sum += c[index] * c[index + lag] }
            }
            return sum / Double(count - lag)
        }
        var scores: [Double] = []
        for lag in (minLag - 1)...(maxLag + 1) {
            let bpm = 60 * 48_000 / (Double(lag) * Double(Self.hop))
            let octaves = log2(bpm / 110)
            scores.append(exp(-0.5 * octaves * octaves) * (correlation(lag) + 0.5 * correlation(2 * lag)))
        }
        var best = 1
        for index in 1..<(scores.count - 1) where scores[index] > scores[best] { best = index }
        guard scores[best] > 0 else { return nil }
        let (left, middle, right) = (scores[best - 1], scores[best], scores[best + 1])
        let curve = left - 2 * middle + right
        let offset = curve < 0 ? 0.5 * (left - right) / curve : 0
        return Double(best + minLag - 1) + min(max(offset, -0.5), 0.5)
    }

    /// The phase (hops, 0 ..< period) where a comb of `period` gathers the most onset.
    static func comb(_ onset: [Double], period: Double) -> Double {
        var best = (phase: 0.0, score: -1.0)
        var phase = 0.0
        while phase < period {
            var score = 0.0
            var position = phase
            while Int(position.rounded()) + 1 < onset.count {
                let at = Int(position.rounded())
                score += max(onset[at], onset[max(at - 1, 0)], onset[at + 1])
                position += period
            }
            if score > best.score { best = (phase, score) }
            phase += 0.5
        }
        return best.phase
    }

    /// Period and phase from a weighted straight line through each beat's local onset peak.
    static func refine(_ onset: [Double], period: Double, phase: Double) -> (start: Double, period: Double)? {
        var (sw, sk, st, skk, skt) = (0.0, 0.0, 0.0, 0.0, 0.0)
        var k = 0
        while true {
            let predicted = Int((phase + Double(k) * period).rounded())
            if predicted + 3 >= onset.count { break }
            var peak = max(predicted - 2, 1)
            for index in max(predicted - 2, 1)...(predicted + 2) where onset[index] > onset[peak] { peak = index }
            let weight = onset[peak]
            if weight > 0 {
                let (left, middle, right) = (onset[peak - 1], onset[peak], onset[peak + 1])
                let curve = left - 2 * middle + right
                let offset = curve < 0 ? min(max(0.5 * (left - right) / curve, -0.5), 0.5) : 0
                let time = Double(peak) + offset
                let kk = Double(k)
                sw += weight; sk += weight * kk; st += weight * time; skk += weight * kk * kk; skt += weight * kk * time
            }
            k += 1
        }
        let determinant = sw * skk - sk * sk
        guard k >= 8, determinant > 0 else { return nil }
        let slope = (sw * skt - sk * st) / determinant
        let intercept = (st - slope * sk) / sw
        guard slope.isFinite, intercept.isFinite, abs(slope - period) < 0.1 * period else { return nil }
        return (intercept, slope)
    }

    /// The share of all onset strength within two hops of a beat.
    static func share(_ onset: [Double], start: Double, period: Double) -> Double {
        let total = onset.reduce(0, +)
        guard total > 0 else { return 0 }
        var near = 0.0
        for (index, value) in onset.enumerated() where value > 0 {
            let distance = (Double(index) - start).truncatingRemainder(dividingBy: period)
            let wrapped = min(abs(distance), period - abs(distance))
            if wrapped <= 2 { near += value }
        }
        return near / total
    }

    /// Beats per bar (4, or 3 when it separates accents clearly better) and the downbeat's
    /// position among them, from the energy rise at each beat.
    static func bars(_ rise: [Double], first: Double, period: Double) -> (beatsPerBar: Int, downbeat: Int) {
        var accents: [Double] = []
        var position = first
        while Int(position.rounded()) + 2 < rise.count {
            let at = Int(position.rounded())
            accents.append(max(rise[max(at - 1, 0)], rise[at], rise[at + 1], rise[at + 2]))
            position += period
        }
        func grouping(_ size: Int) -> (contrast: Double, downbeat: Int) {
            var sums = [Double](repeating: 0, count: size), counts = [Double](repeating: 0, count: size)
            for (index, accent) in accents.enumerated() {
                sums[index % size] += accent
                counts[index % size] += 1
            }
            let means = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
            let average = means.reduce(0, +) / Double(size)
            var strongest = 0
            for index in means.indices where means[index] > means[strongest] { strongest = index }
            return (average > 0 ? means[strongest] / average : 1, strongest)
        }
        let four = grouping(4), three = grouping(3)
        return three.contrast > four.contrast * 1.15 ? (3, three.downbeat) : (4, four.downbeat)
    }

    /// `frame` moved to the attack nearest it within `radius` frames: the point where the
    /// energy of the next 5 ms most exceeds that of the previous 5 ms, when it clearly does
    /// (a beat found on the 5 ms grid lands on its sample). Unchanged when nothing rises there.
    public static func snap(_ frame: Int, in samples: [Float], channels: Int, radius: Int = 480) -> Int {
        let total = samples.count / channels
        let lower = max(frame - radius - hop, 0), upper = min(frame + radius + hop, total)
        guard upper - lower > 2 * hop else { return frame }
        var cumulative = [Double](repeating: 0, count: upper - lower + 1)
        for index in lower..<upper {
            var mono: Float = 0
            for channel in 0..<channels { mono += samples[index * channels + channel] }
            let value = Double(mono) / Double(channels)
            cumulative[index - lower + 1] = cumulative[index - lower] + value * value
        }
        func energy(_ from: Int, _ to: Int) -> Double { cumulative[to - lower] - cumulative[from - lower] }
        let first = max(frame - radius, lower + hop), last = min(frame + radius, upper - hop)
        guard first < last else { return frame }
        var best = (frame: frame, score: 0.0, before: 0.0, after: 0.0)
        for candidate in first..<last {
            let before = energy(candidate - hop, candidate), after = energy(candidate, candidate + hop)
            if after - before > best.score { best = (candidate, after - before, before, after) }
        }
        return best.after > 4 * best.before + 1e-9 ? best.frame : frame
    }
}
