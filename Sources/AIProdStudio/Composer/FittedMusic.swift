/// A piece fitted to a length by `MusicFitter`: exactly the frames asked for, faded, and where
/// its music ends.
public struct FittedMusic: Sendable {
    /// How the end was chosen.
    public enum Ending: String, Sendable, Hashable {
        /// On a bar line of the piece's beat grid.
        case bar
        /// At the quietest point near the length (no steady beat heard).
        case quiet
        /// At the length itself (too short to look for a boundary).
        case length
    }

    /// Interleaved stereo, 48 kHz, exactly the frames asked for.
    public var samples: [Float]
    /// The frame the fade-out reaches silence at (frames after it are silent): the bar line
    /// or quiet point chosen, at most the length.
    public var end: Int
    public var ending: Ending
    /// Times the piece was looped to fill the length (0: cut from a long enough piece).
    public var loops: Int
    /// The grid heard near the end, if any.
    public var grid: BeatGrid?

    public var frames: Int { samples.count / 2 }
}
