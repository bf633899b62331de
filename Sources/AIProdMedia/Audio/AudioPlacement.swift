/// One sound on the timeline, in samples at 48 kHz: where it starts, how long it may play, where
/// in its file it starts reading, and how it is shaped.
struct AudioPlacement: Sendable, Hashable {
    enum Role: Sendable, Hashable { case narration, music, effect, clip }

    var role: Role
    var path: String
    var startSample: Int64
    /// Samples it plays at most; it stops earlier when a non-looping file ends.
    var lengthSamples: Int64
    var fileOffsetSeconds: Double
    var gain: Float
    var fadeInSamples: Int64
    var fadeOutSamples: Int64
    var loop: Bool
    var ducking: DuckingShape?
    /// With `loop`: samples of the file each pass plays before starting again at
    /// `fileOffsetSeconds` (a looping video clip's span); nil: to the file's end.
    var passSamples: Int64? = nil

    var endSample: Int64 { startSample + lengthSamples }

    /// Fade gain at `offset` samples into the placement: linear ramps at both ends.
    @inline(__always)
    func fade(at offset: Int64) -> Float {
        var value: Float = 1
        if fadeInSamples > 0, offset < fadeInSamples {
            value = Float(offset) / Float(fadeInSamples)
        }
        let remaining = lengthSamples - offset
        if fadeOutSamples > 0, remaining < fadeOutSamples {
            value = min(value, Float(max(remaining, 0)) / Float(fadeOutSamples))
        }
        return value
    }
}

/// Ducking parameters in the units the envelope works in.
struct DuckingShape: Sendable, Hashable {
    var depthDb: Double
    var attackSeconds: Double
    var releaseSeconds: Double
}
