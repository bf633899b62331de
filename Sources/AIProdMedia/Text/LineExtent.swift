/// Where one line of text puts ink and pen, in whole pixels relative to its origin (the pen's
/// start on the baseline), as drawtext lays it out.
struct LineExtent: Sendable, Hashable {
    /// Leftmost pixel: the origin or ink left of it (0 or negative).
    var left: Int
    /// One past the rightmost pixel: the pen's end or ink right of it.
    var right: Int
    /// Highest ink above the baseline (drawtext's `y_max` for this line); 0 with no ink.
    var ascent: Int
    /// Lowest ink below the baseline, as a positive distance (drawtext's `-y_min`).
    var descent: Int

    var width: Int { right - left }
    var height: Int { ascent + descent }

    static let empty = LineExtent(left: 0, right: 0, ascent: 0, descent: 0)
}
