import AIProdCore

/// Draws the effect recipes need from the studio's one seeded generator.
extension SplitMix64 {
    /// A stream of its own per category, so `rain` and `wind` on one seed do not draw in step.
    init(seed: UInt64, category: SoundCategory) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in category.rawValue.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        self.init(seed: seed ^ hash)
    }

    /// A uniform value in `range`.
    mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        let unit = Double(next() >> 11) * 0x1p-53
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    /// A seed for `anoisesrc`.
    mutating func noiseSeed() -> UInt32 {
        UInt32(truncatingIfNeeded: next() >> 32)
    }

    /// A whole number 1…1000 to vary an expression.
    mutating func salt() -> Double {
        uniform(1...1000).rounded()
    }
}
