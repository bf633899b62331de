import AIProdCore
import Foundation

/// Where narration sounds, in 10 ms hops over the whole timeline: the sidechain that ducking
/// follows. Computed ahead of the mix, so music can dip *before* the voice starts.
struct VoiceActivity: Sendable {
    static let hopSamples: Int64 = 480
    /// Gaps shorter than this (pauses between words) keep the music down, so it does not pump.
    static let bridgeSeconds = 0.35
    /// RMS over a hop above this counts as voice.
    static let thresholdDbfs: Float = -45

    private(set) var active: [Bool]

    init(totalSamples: Int64) {
        active = Array(repeating: false, count: Int(totalSamples / Self.hopSamples) + 1)
    }

    var hopCount: Int { active.count }

    /// Marks the hops where a narration placement is audible.
    mutating func analyse(_ placement: AudioPlacement, limits: MediaLimits) throws(MediaError) {
        let reader = try AudioFileReader(path: placement.path, channels: .stereo, startSeconds: placement.fileOffsetSeconds, limits: limits)
        let hop = Int(Self.hopSamples)
        var block = [Float](repeating: 0, count: hop * 2)
        let threshold = pow(10, Self.thresholdDbfs / 20)
        let gain = placement.gain
        var position = placement.startSample
        while position < placement.endSample {
            let frames = try block.withUnsafeMutableBufferPointer { buffer throws(MediaError) in
                try reader.read(into: buffer.baseAddress!, frameCount: hop)
            }
            if frames == 0 { break }
            var energy: Float = 0
            for index in 0..<(frames * 2) { energy += block[index] * block[index] }
            let rms = (energy / Float(frames * 2)).squareRoot() * gain
            if rms > threshold {
                let first = Int(position / Self.hopSamples)
                let last = Int((position + Int64(frames) - 1) / Self.hopSamples)
                for index in first...min(last, active.count - 1) { active[index] = true }
            }
            position += Int64(frames)
        }
    }

    /// Fills short pauses between active hops.
    mutating func bridgeGaps() {
        let maxGap = Int(Self.bridgeSeconds * 100)
        var lastActive: Int?
        for index in active.indices where active[index] {
            if let last = lastActive, index - last > 1, index - last - 1 <= maxGap {
                for gap in (last + 1)..<index { active[gap] = true }
            }
            lastActive = index
        }
    }
}
