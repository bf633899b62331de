import Foundation

/// The music's fade in and out, sample-exact at both ends.
///
/// Raised-cosine ramps (smooth at both ends, so neither the start nor the end of a fade is
/// heard as a corner) reaching exactly zero on the first and the last sample: the music bed
/// never starts or stops with a click, whatever the synthesiser left ringing. Short pieces
/// get proportionally shorter fades so some music is heard at full level.
public struct FadeEnvelope: Sendable, Hashable {
    public let sampleCount: Int64
    public let fadeIn: Int64
    public let fadeOut: Int64

    /// About 1.5 s in and 2.5 s out, at most a fifth and a quarter of the piece.
    public init(sampleCount: Int64, sampleRate: Int) {
        self.init(sampleCount: sampleCount, fadeIn: min(Int64(sampleRate) * 3 / 2, sampleCount / 5),
                  fadeOut: min(Int64(sampleRate) * 5 / 2, sampleCount / 4))
    }

    public init(sampleCount: Int64, fadeIn: Int64, fadeOut: Int64) {
        self.sampleCount = sampleCount
        self.fadeIn = max(fadeIn, 0)
        self.fadeOut = max(fadeOut, 0)
    }

    /// Gain at frame `index`: 0 on the first and the last frame, 1 between the fades.
    public func gain(at index: Int64) -> Float {
        guard index > 0, index < sampleCount - 1 else { return 0 }
        var gain = 1.0
        if index < fadeIn { gain = Self.ramp(Double(index) / Double(fadeIn)) }
        let fromEnd = sampleCount - 1 - index
        if fromEnd < fadeOut { gain = min(gain, Self.ramp(Double(fromEnd) / Double(fadeOut))) }
        return Float(gain)
    }

    /// Multiplies interleaved frames in place; only the fade regions are touched.
    public func apply(to samples: inout [Float], channels: Int) {
        precondition(Int64(samples.count) == sampleCount * Int64(channels), "the buffer must hold the whole piece")
        samples.withUnsafeMutableBufferPointer { buffer in
            func scale(_ frames: Range<Int64>) {
                for frame in frames {
                    let gain = self.gain(at: frame)
                    for channel in 0..<channels { buffer[Int(frame) * channels + channel] *= gain }
                }
            }
            let inEnd = min(max(fadeIn, 1), sampleCount)
            scale(0..<inEnd)
            scale(max(sampleCount - max(fadeOut, 1), inEnd)..<sampleCount)
        }
    }

    /// 0…1 along a half cosine.
    private static func ramp(_ x: Double) -> Double {
        let clamped = min(max(x, 0), 1)
        return 0.5 - 0.5 * cos(Double.pi * clamped)
    }
}
