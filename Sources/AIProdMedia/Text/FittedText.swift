/// Text broken into lines at one font size that fit a width and a height: what ``TextFitter``
/// decides and ``TextBlockLayout`` places.
struct FittedText: Sendable, Hashable {
    /// Font size in pixels, between the floor and the size asked for.
    var size: Int
    /// The lines, without newlines; an empty string keeps an explicit blank line's place.
    var lines: [String]
    /// Each line's extent at `size`.
    var extents: [LineExtent]
    /// Baseline to baseline, in pixels.
    var pitch: Int
    /// From the block's top to the first baseline.
    var top: Int
    /// Height of the block of lines (ink and line boxes), without padding.
    var height: Int
    /// True when lines were left out (ending in "…") because even the floor size was too tall.
    var truncated: Bool

    /// The widest line.
    var width: Int { extents.map(\.width).max() ?? 0 }
}
