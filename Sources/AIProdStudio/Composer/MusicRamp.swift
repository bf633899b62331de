import Foundation

/// A fade in or out at one end of a piece of the music bed, `frames` long.
///
/// Two shapes, for two jobs. Where one piece hands over to another (a mood change), the two are
/// unrelated sounds whose powers add, so the ramps are equal-power (sine and cosine quarter
/// waves: the sum stays at full power through the crossfade, no dip in the middle). Where the
/// bed starts or ends in silence, or a loop joins a piece to its own earlier bar (correlated
/// material, whose amplitudes add), the ramp is a raised cosine, as `FadeEnvelope`'s.
public struct MusicRamp: Sendable, Hashable {
    public enum Shape: String, Sendable, Hashable {
        case raisedCosine, equalPower
    }

    public var frames: Int
    public var shape: Shape

    public init(frames: Int, shape: Shape = .raisedCosine) {
        self.frames = max(frames, 0)
        self.shape = shape
    }

    /// No ramp.
    public static let none = MusicRamp(frames: 0)

    /// Gain `position` frames into a fade in (0 at the first frame, 1 at `frames`); a fade
    /// out reads it from its end.
    public func gain(at position: Int) -> Float {
        guard frames > 0 else { return 1 }
        let x = min(max(Double(position) / Double(frames), 0), 1)
        switch shape {
        case .raisedCosine: return Float(0.5 - 0.5 * cos(Double.pi * x))
        case .equalPower: return Float(sin(Double.pi / 2 * x))
        }
    }

    /// Fades the first `frames` frames of interleaved `samples` in.
    public func fadeIn(_ samples: inout [Float], channels: Int) {
        let count = min(frames, samples.count / channels)
        for frame in 0..<count {
            let gain = gain(at: frame)
            for channel in 0..<channels { samples[frame * channels + channel] *= gain }
        }
    }

    /// Fades out so that the frame before `end` is the last one heard: frame `end - 1 - k`
    /// gets the fade-in gain at `k`, and `end` onwards is silent.
    public func fadeOut(_ samples: inout [Float], channels: Int, endingAt end: Int) {
        let total = samples.count / channels
        let end = min(max(end, 0), total)
        for index in (end * channels)..<(total * channels) { samples[index] = 0 }
        let count = min(frames, end)
        for k in 0..<count {
            let frame = end - 1 - k
            let gain = gain(at: k)
            for channel in 0..<channels { samples[frame * channels + channel] *= gain }
        }
    }
}
