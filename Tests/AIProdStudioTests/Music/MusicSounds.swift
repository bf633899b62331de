import AIProdCore
import AIProdMedia
import Foundation

/// Sounds with known musical structure for the music tests, as 48 kHz interleaved stereo.
enum MusicSounds {
    /// A click track: a 15 ms decaying 1 kHz burst on every beat from `offset` seconds,
    /// louder on each bar's first beat, over a quiet deterministic noise bed (`bed` peak).
    static func clicks(bpm: Double, beatsPerBar: Int, offset: Double, seconds: Double, bed: Float = 0.01) -> [Float] {
        let frames = Int(seconds * 48_000)
        var samples = noise(frames: frames, level: bed, seed: 7)
        let beat = 60 / bpm * 48_000
        var index = 0
        while true {
            let start = Int((offset * 48_000 + Double(index) * beat).rounded())
            if start >= frames { break }
            let level: Float = index % beatsPerBar == 0 ? 0.9 : 0.35
            for n in 0..<min(720, frames - start) {
                let t = Double(n) / 48_000
                let value = level * Float(sin(2 * Double.pi * 1_000 * t) * exp(-t / 0.004))
                samples[2 * (start + n)] += value
                samples[2 * (start + n) + 1] += value
            }
            index += 1
        }
        return samples
    }

    /// The frame of bar `index` of a click track.
    static func bar(_ index: Int, bpm: Double, beatsPerBar: Int, offset: Double) -> Int {
        Int((offset * 48_000 + Double(index * beatsPerBar) * 60 / bpm * 48_000).rounded())
    }

    /// Uniform noise (a 64-bit LCG, the same every run), `level` peak, both channels alike.
    static func noise(frames: Int, level: Float, seed: UInt64) -> [Float] {
        var state = seed
        var samples = [Float](repeating: 0, count: 2 * frames)
        for frame in 0..<frames {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = (Float(state >> 40) / Float(1 << 24) * 2 - 1) * level
            samples[2 * frame] = value
            samples[2 * frame + 1] = value
        }
        return samples
    }

    /// Root mean square of frames `range` (both channels).
    static func rms(_ samples: [Float], _ range: Range<Int>) -> Double {
        let range = max(range.lowerBound, 0)..<min(range.upperBound, samples.count / 2)
        guard !range.isEmpty else { return 0 }
        var sum = 0.0
        for index in (2 * range.lowerBound)..<(2 * range.upperBound) { sum += Double(samples[index]) * Double(samples[index]) }
        return (sum / Double(2 * range.count)).squareRoot()
    }

    /// Onsets of clicks: frames where |left| first exceeds `threshold` after 20 ms below it.
    static func onsets(_ samples: [Float], threshold: Float = 0.2) -> [Int] {
        var found: [Int] = []
        var quiet = 960
        for frame in 0..<(samples.count / 2) {
            if abs(samples[2 * frame]) > threshold {
                if quiet >= 960 { found.append(frame) }
                quiet = 0
            } else {
                quiet += 1
            }
        }
        return found
    }

    /// Writes `samples` as a float WAV and reads it back through libav's safe decoding.
    static func roundTrip(_ samples: [Float], in folder: String, name: String) throws -> (path: String, samples: [Float]) {
        let path = folder + "/" + name
        try WAVFile.write(samples, channels: 2, to: path)
        return (path, try AudioFileDecoder.stereo48k(path: path, frames: samples.count / 2 + 1, limits: MediaLimits()))
    }
}
