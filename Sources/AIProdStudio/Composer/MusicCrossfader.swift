/// The music bed pieces are laid into: interleaved stereo, exactly `frames` long, each piece
/// added at its start frame. Pieces carry their own ramps (`MusicRamp`, equal-power where one
/// hands over to the next), so where two overlap their sum is the crossfade.
public struct MusicCrossfader: Sendable {
    public private(set) var samples: [Float]

    public init(frames: Int) {
        samples = [Float](repeating: 0, count: 2 * max(frames, 0))
    }

    public var frames: Int { samples.count / 2 }

    /// Adds interleaved stereo `piece` from frame `start`; what falls past the bed's end is dropped.
    public mutating func add(_ piece: [Float], at start: Int) {
        let from = 2 * max(start, 0)
        let count = min(piece.count - (from - 2 * start), samples.count - from)
        guard count > 0 else { return }
        let skip = from - 2 * start
        samples.withUnsafeMutableBufferPointer { bed in
            piece.withUnsafeBufferPointer { source in
                for index in 0..<count { bed[from + index] += source[skip + index] }
            }
        }
    }
}
