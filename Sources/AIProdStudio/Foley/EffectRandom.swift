import AIProdCore

/// SplitMix64 (Steele, Lea & Flood, 2014): a tiny, fast generator whose whole state is one
/// `UInt64`, so a job's seed fixes every foley decision (which library file, which noise
/// seeds, pitches and timings) on every machine and every run. The category is folded into
/// the state so `rain` and `wind` with the same job seed do not move in step.
struct EffectRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A stream for one category: the seed mixed with a stable hash (FNV-1a) of its name;
    /// Swift's `Hasher` is randomly seeded per process and would break reproducibility.
    init(seed: UInt64, category: SoundCategory) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in category.rawValue.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        state = seed ^ hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `range` (53 random bits).
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// A seed for `anoisesrc`, whose `seed` option takes 0…UInt32.max (-1 would mean "random").
    mutating func noiseSeed() -> UInt32 {
        UInt32(truncatingIfNeeded: next() >> 32)
    }

    /// A salt for the stateless hash noise of `aevalsrc` expressions (see `EffectGraph.hash`).
    mutating func salt() -> Double {
        uniform(1...1000).rounded()
    }
}
