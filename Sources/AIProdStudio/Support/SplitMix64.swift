/// A tiny, fully specified pseudo-random generator (Steele, Lea and Flood's SplitMix64).
///
/// The planner never uses `SystemRandomNumberGenerator`: its few choices left to chance
/// (which of several equally-scored moods a scene gets) must come out the same for the same
/// seed on every machine and every Swift version, so the algorithm is written out here and the
/// callers reduce its output themselves rather than through the standard library's `random(in:)`.
struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    private(set) var state: UInt64

    init(seed: UInt64) { state = seed }

    /// A generator for one item (a scene) of a seeded run: items get independent streams, so that
    /// editing one scene does not reshuffle the choices made for the others.
    init(seed: UInt64, stream: Int) {
        self.init(seed: seed ^ (UInt64(truncatingIfNeeded: stream) &* 0xD1B5_4A32_D192_ED03))
    }

    /// A stream of its own per name (FNV-1a of the name mixed into the seed), so that two uses
    /// of one seed (rain and wind, calm and epic) do not draw in step.
    init(seed: UInt64, salt: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in salt.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.init(seed: seed ^ hash)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An index in `0..<count` (`count` > 0). Plain modulo: the bias is far below anything a
    /// handful of choices could show, and the reduction is ours, so it never changes under us.
    mutating func index(below count: Int) -> Int {
        precondition(count > 0, "index(below:) needs a positive count")
        return Int(next() % UInt64(count))
    }
}
