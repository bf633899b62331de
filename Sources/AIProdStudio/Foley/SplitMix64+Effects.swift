import AIProdCore

/// Draws the effect recipes need from the studio's one seeded generator.
extension SplitMix64 {
    /// A stream of its own per category, so `rain` and `wind` on one seed do not draw in step.
    init(seed: UInt64, category: SoundCategory) {
        self.init(seed: seed, salt: category.rawValue)
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
