/// Picks one of several equally good results from the job's seed, so a re-render of the same
/// job takes the same photo or sound, and two scenes asking the same thing with other seeds
/// need not take the same one.
enum SeededPick {
    /// An index in `0..<count` (count > 0) mixed from `seed` and `salt` (SplitMix64's finaliser:
    /// consecutive seeds land far apart).
    static func index(count: Int, seed: UInt64, salt: UInt64 = 0) -> Int {
        precondition(count > 0, "nothing to pick from")
        var z = seed &+ salt &* 0x9E37_79B9_7F4A_7C15 &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Int(z % UInt64(count))
    }
}
