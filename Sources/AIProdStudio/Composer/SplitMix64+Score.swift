/// The draws the score generator needs from the studio's one seeded generator.
extension SplitMix64 {
    /// A whole number in `range`, by multiply-shift (Lemire) on the high bits; the tiny bias
    /// for huge ranges does not matter for music, stability does.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        if span == 0 { return Int(bitPattern: UInt(next())) }  // the whole 64-bit range
        let (high, _) = next().multipliedFullWidth(by: span)
        return range.lowerBound + Int(high)
    }

    /// A uniform number in [0, 1), from the top 53 bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T {
        precondition(!items.isEmpty, "pick from an empty list")
        return items[int(in: 0...(items.count - 1))]
    }

    /// A child generator for one part of the score, so that changing how one part draws
    /// numbers does not reshuffle every other part.
    mutating func fork() -> SplitMix64 { SplitMix64(seed: next()) }
}
